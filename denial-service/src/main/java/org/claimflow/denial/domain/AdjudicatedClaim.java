package org.claimflow.denial.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A claim as the payer decided it, the way the denial rules see it: the money and the adjustment codes,
 * claim level and per service line. No patient identity.
 */
public record AdjudicatedClaim(
        UUID claimId,
        UUID remittanceId,
        String payerId,
        AdjudicationOutcome outcome,
        BigDecimal totalCharge,
        LocalDate remittanceDate,
        List<Adjustment> adjustments,
        List<Line> serviceLines) {

    /** One CAS adjustment: group (CO, PR, OA, PI, CR), CARC, amount. */
    public record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {
    }

    public record Line(int lineNumber, String procedureCode, BigDecimal chargeAmount, BigDecimal paidAmount,
                       List<Adjustment> adjustments, List<String> remarkCodes) {
    }
}
