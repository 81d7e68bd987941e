package org.claimflow.coding.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.claimflow.coding.domain.EncounterStatus;
import org.claimflow.coding.domain.Finding;
import org.claimflow.coding.domain.PayerDenial;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record EncounterResponse(
        UUID id,
        String practiceId,
        String externalId,
        EncounterStatus status,
        LocalDate dateOfService,
        List<Finding> findings,
        UUID claimId,
        String openQuery,
        List<OverrideEntry> overrides,
        Instant createdAt,
        Instant updatedAt,
        List<HistoryEntry> history,
        List<DenialEntry> openDenials) {

    public record HistoryEntry(Instant occurredAt, String kind, String actor, String detail) {
    }

    /**
     * A payer denial that re-opened the encounter and is not resolved yet: {@code OPEN} holds it with a
     * PAYER_DENIAL finding, {@code CORRECTING} means the coder corrected the codes and the next release sends them
     * as a replacement of the claim.
     */
    public record DenialEntry(UUID denialId, UUID claimId, String payerId, String payerClaimControlNumber,
                              String category, List<String> reasonCodes, List<PayerDenial.Reason> reasons,
                              List<String> remarkCodes, List<Integer> lineNumbers, String status, Instant receivedAt) {
    }

    public record OverrideEntry(String ruleId, List<Integer> lineNumbers, String reason, String overriddenBy,
                                Instant overriddenAt) {
    }
}
