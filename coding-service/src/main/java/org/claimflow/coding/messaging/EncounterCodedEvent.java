package org.claimflow.coding.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.claimflow.coding.domain.EncounterParts.BillingProvider;
import org.claimflow.coding.domain.EncounterParts.Coverage;
import org.claimflow.coding.domain.EncounterParts.Patient;
import org.claimflow.coding.domain.EncounterParts.RenderingProvider;
import org.claimflow.coding.domain.EncounterParts.ServiceLine;
import org.claimflow.coding.domain.Finding;

/**
 * Payload of {@code claims.encounter-coded.v1}: everything billing needs to assemble the claim without
 * calling back. Schema: {@code src/main/resources/events/claims.encounter-coded.v1.schema.json}.
 * {@code correction} is null for a first coding; after a coder corrected an encounter a payer denied for coding,
 * it names the denial and the claim the corrected codes replace.
 */
public record EncounterCodedEvent(
        UUID encounterId,
        String externalId,
        LocalDate dateOfService,
        String placeOfService,
        Patient patient,
        Coverage coverage,
        BillingProvider billingProvider,
        RenderingProvider renderingProvider,
        List<String> diagnoses,
        List<ServiceLine> serviceLines,
        List<Finding> warnings,
        Correction correction) {

    /** The claim a corrected encounter replaces: billing builds a replacement (frequency 7, REF*F8). */
    /** @param denialIds every denial this correction answers (one per denied line); {@code denialId} is the newest */
    public record Correction(UUID denialId, UUID claimId, String payerClaimControlNumber, String frequencyCode,
                             List<String> reasonCodes, List<UUID> denialIds) {
    }
}
