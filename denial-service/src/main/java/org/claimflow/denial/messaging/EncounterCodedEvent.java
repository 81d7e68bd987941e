package org.claimflow.denial.messaging;

import java.util.List;
import java.util.UUID;

/**
 * What denial-service reads of coding-service's {@code claims.encounter-coded.v1} (docs/events.md): only the
 * encounter and the coder's correction. The patient, coverage, providers and codes are left out on purpose:
 * this service needs no patient data from this event, so it never holds any.
 */
public record EncounterCodedEvent(UUID encounterId, Correction correction) {

    /**
     * Present when a coder corrected an encounter after a CODING denial: the denial it answers and the claim
     * billing will replace ({@code frequencyCode} 7) citing {@code payerClaimControlNumber}.
     */
    public record Correction(UUID denialId, UUID claimId, String payerClaimControlNumber, String frequencyCode,
                             List<String> reasonCodes, List<UUID> denialIds) {

        public List<String> reasonCodesOrEmpty() {
            return reasonCodes == null ? List.of() : reasonCodes;
        }

        /** Every denial the correction answers: {@code denialIds} when the producer sent it, else {@code denialId}. */
        public List<UUID> answeredDenials() {
            java.util.LinkedHashSet<UUID> ids = new java.util.LinkedHashSet<>();
            if (denialIds != null) {
                denialIds.stream().filter(java.util.Objects::nonNull).forEach(ids::add);
            }
            ids.add(denialId);
            return List.copyOf(ids);
        }
    }
}
