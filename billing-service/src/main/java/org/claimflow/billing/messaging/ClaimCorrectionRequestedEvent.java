package org.claimflow.billing.messaging;

import java.util.UUID;

/** What billing reads of denial-service's {@code claims.claim-correction-requested.v1} (docs/events.md). */
public record ClaimCorrectionRequestedEvent(
        UUID correctionId,
        UUID denialId,
        UUID claimId,
        UUID encounterId,
        String payerClaimControlNumber,
        String frequencyCode,
        String reason) {
}
