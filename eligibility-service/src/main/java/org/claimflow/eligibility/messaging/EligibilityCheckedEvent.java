package org.claimflow.eligibility.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.claimflow.eligibility.domain.CoverageStatus;

/**
 * Payload of {@code claims.eligibility-checked.v1}: whether the claim's member is covered on the date of
 * service, and what the patient will probably owe. Schema:
 * {@code src/main/resources/events/claims.eligibility-checked.v1.schema.json}.
 */
public record EligibilityCheckedEvent(
        UUID checkId,
        UUID claimId,
        UUID encounterId,
        String payerId,
        LocalDate dateOfService,
        boolean eligible,
        CoverageStatus status,
        String reasonCode,
        String reason,
        String planName,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        BigDecimal copay,
        BigDecimal coinsurance,
        BigDecimal deductibleRemaining,
        BigDecimal estimatedPatientResponsibility) {
}
