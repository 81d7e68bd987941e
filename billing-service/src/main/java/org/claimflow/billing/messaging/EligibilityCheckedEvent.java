package org.claimflow.billing.messaging;

import java.util.UUID;

/** What billing reads of eligibility-service's {@code claims.eligibility-checked.v1} (docs/events.md). */
public record EligibilityCheckedEvent(
        UUID checkId,
        UUID claimId,
        UUID encounterId,
        String payerId,
        Boolean eligible,
        String status,
        String reasonCode,
        String reason,
        String planName) {
}
