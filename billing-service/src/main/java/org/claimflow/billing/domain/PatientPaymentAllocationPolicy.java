package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How a patient's payments show against visits: payments are account-level money (a patient pays a
 * statement, not a claim), applied oldest visit first; what is left after every visit is paid is a credit.
 */
public final class PatientPaymentAllocationPolicy {

    private PatientPaymentAllocationPolicy() {
    }

    /** {@code applied} has one amount per visit, in the order given; {@code credit} ≥ 0 is what no visit took. */
    public record Allocation(List<BigDecimal> applied, BigDecimal credit) {
    }

    /**
     * @param owedPerVisit patient responsibility per visit, oldest first (negative amounts take nothing)
     * @param paid         total the patient paid (≥ 0)
     */
    public static Allocation allocate(List<BigDecimal> owedPerVisit, BigDecimal paid) {
        BigDecimal left = ClaimBalance.cents(paid);
        List<BigDecimal> applied = new ArrayList<>();
        for (BigDecimal owed : owedPerVisit) {
            BigDecimal take = owed.signum() <= 0 ? BigDecimal.ZERO : owed.min(left);
            applied.add(ClaimBalance.cents(take));
            left = left.subtract(take);
        }
        return new Allocation(List.copyOf(applied), left);
    }
}
