package org.claimflow.billing.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.claimflow.billing.domain.ClaimStatus;

/**
 * A patient statement. Per visit: charged = insurancePaid + adjustments + patientResponsibility +
 * insurancePending; balance = patientResponsibility − patientPaid (payments applied oldest visit first).
 * Totals: balance = patientResponsibility − patientPaid = Σ visit balances − unappliedCredit.
 */
public record StatementResponse(UUID accountId, String practiceId, String payerId, String memberId, String patientName,
                                LocalDate dateOfBirth, LocalDate statementDate, List<Visit> visits, List<Payment> payments,
                                Totals totals) {

    /** Procedure codes only (CPT descriptions are the AMA's). */
    public record Visit(LocalDate dateOfService, UUID claimId, String patientControlNumber, ClaimStatus status,
                        List<String> procedureCodes, BigDecimal charged, BigDecimal insurancePaid, BigDecimal adjustments,
                        BigDecimal insurancePending, BigDecimal patientResponsibility, BigDecimal patientPaid, BigDecimal balance) {
    }

    public record Payment(UUID paymentId, LocalDate date, String method, String reference, BigDecimal amount) {
    }

    public record Totals(BigDecimal charged, BigDecimal insurancePaid, BigDecimal adjustments, BigDecimal insurancePending,
                         BigDecimal patientResponsibility, BigDecimal patientPaid, BigDecimal unappliedCredit, BigDecimal balance) {
    }
}
