package org.claimflow.billing.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Accounts receivable by age (days since the date of service). Insurance: the outstanding amount of claims
 * the payer has (submitted, accepted, or reversed and awaiting re-adjudication). Patients: what patients owe,
 * aged by the visit each amount belongs to; credits (overpayments) are listed apart, not netted into a band.
 */
public record AgingResponse(String practiceId, LocalDate asOf, String agedBy, List<Row> payers, Row patients,
                            BigDecimal patientCredits, Row total) {

    public record Row(String payerId, Buckets buckets, BigDecimal total, int items) {
    }

    public record Buckets(BigDecimal days0To30, BigDecimal days31To60, BigDecimal days61To90, BigDecimal days91To120,
                          BigDecimal over120) {
    }
}
