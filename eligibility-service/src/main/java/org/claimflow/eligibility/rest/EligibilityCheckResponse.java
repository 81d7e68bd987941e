package org.claimflow.eligibility.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.claimflow.eligibility.domain.CoverageStatus;
import org.claimflow.eligibility.domain.ServiceTypeBenefits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One eligibility check and the payer's answer, normalised. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EligibilityCheckResponse(
        UUID id,
        String practiceId,
        UUID claimId,
        String payerId,
        String memberId,
        LocalDate dateOfService,
        List<String> serviceTypeCodes,
        CoverageStatus status,
        @Schema(description = "true when status is ACTIVE") boolean active,
        @Schema(description = "AAA reject reason code, COVERAGE_INACTIVE, PAYER_UNAVAILABLE, INVALID_RESPONSE or INVALID_INQUIRY")
        String reasonCode,
        String reason,
        String planName,
        String groupNumber,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        @Schema(description = "In network, from the first service type that states it (see benefits)") BigDecimal copay,
        @Schema(description = "A fraction: 0.20 is 20 %") BigDecimal coinsurance,
        BigDecimal deductibleTotal,
        BigDecimal deductibleRemaining,
        BigDecimal outOfPocketTotal,
        BigDecimal outOfPocketRemaining,
        @Schema(description = "Per service type: the types asked for, then the office visit (98), then others the payer stated")
        List<ServiceTypeBenefits> benefits,
        @Schema(description = "Set when a recent answer was reused for a claim: the check that asked the payer")
        UUID answeredByCheckId,
        @Schema(description = "ISA13 = GS06 = ST02 of the 270 sent") Integer interchangeControlNumber,
        String requestedBy,
        Instant createdAt) {
}
