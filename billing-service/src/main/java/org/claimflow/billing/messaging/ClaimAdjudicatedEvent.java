package org.claimflow.billing.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.claimflow.billing.domain.AdjudicationOutcome;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Payload of {@code claims.claim-adjudicated.v1}; schema in {@code src/main/resources/events/}. */
public record ClaimAdjudicatedEvent(
        UUID claimId,
        UUID encounterId,
        String payerId,
        UUID remittanceId,
        String patientControlNumber,
        String payerClaimControlNumber,
        String claimStatusCode,
        AdjudicationOutcome outcome,
        BigDecimal totalCharge,
        BigDecimal paidAmount,
        BigDecimal patientResponsibility,
        LocalDate remittanceDate,
        String traceNumber,
        LocalDate dateOfService,
        List<Adjustment> adjustments,
        List<Line> serviceLines) {

    public record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {
    }

    public record Line(int lineNumber, String procedureCode, List<String> modifiers, int units, BigDecimal chargeAmount,
                       BigDecimal paidAmount,
                       @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal allowedAmount,
                       List<Adjustment> adjustments, List<String> remarkCodes) {
    }
}
