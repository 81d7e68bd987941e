package org.claimflow.denial.messaging;

import java.util.UUID;

/**
 * Payload of {@code claims.claim-correction-requested.v1}: billing is asked to send a replacement
 * ({@code frequencyCode} 7) or void (8) of the claim, citing the payer's claim number in REF*F8. Schema:
 * {@code src/main/resources/events/claims.claim-correction-requested.v1.schema.json}.
 */
public record ClaimCorrectionRequestedEvent(
        UUID correctionId,
        UUID denialId,
        UUID claimId,
        UUID encounterId,
        String payerClaimControlNumber,
        String frequencyCode,
        String reason) {
}
