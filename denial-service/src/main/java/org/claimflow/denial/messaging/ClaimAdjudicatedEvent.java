package org.claimflow.denial.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What denial-service reads of billing's {@code claims.claim-adjudicated.v1} (docs/events.md). Fields it
 * does not need (paid amounts per claim, trace number, allowed amounts, ...) are left out and ignored.
 */
public record ClaimAdjudicatedEvent(
        UUID claimId,
        UUID encounterId,
        String payerId,
        UUID remittanceId,
        String patientControlNumber,
        String payerClaimControlNumber,
        String outcome,
        BigDecimal totalCharge,
        LocalDate remittanceDate,
        LocalDate dateOfService,
        List<Adjustment> adjustments,
        List<ServiceLine> serviceLines) {

    public record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {
    }

    public record ServiceLine(Integer lineNumber, String procedureCode, BigDecimal chargeAmount, BigDecimal paidAmount,
                              List<Adjustment> adjustments, List<String> remarkCodes) {
    }

    public List<Adjustment> adjustmentsOrEmpty() {
        return adjustments == null ? List.of() : adjustments;
    }

    public List<ServiceLine> serviceLinesOrEmpty() {
        return serviceLines == null ? List.of() : serviceLines;
    }
}
