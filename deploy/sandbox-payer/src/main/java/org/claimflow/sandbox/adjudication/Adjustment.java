package org.claimflow.sandbox.adjudication;

import java.math.BigDecimal;
import java.util.Set;

/** One CAS triplet: group, claim adjustment reason code (CARC), amount. */
public record Adjustment(AdjustmentGroup group, String reasonCode, BigDecimal amount) {

    public static final String DEDUCTIBLE = "1";
    public static final String COINSURANCE = "2";
    public static final String COPAY = "3";
    public static final String EXPENSES_AFTER_COVERAGE_TERMINATED = "27";
    public static final String PATIENT_NOT_IDENTIFIED = "31";
    public static final String DIAGNOSIS_INCONSISTENT = "11";
    public static final String ABOVE_FEE_SCHEDULE = "45";
    public static final String NON_COVERED = "96";
    public static final String AUTHORIZATION_ABSENT = "197";

    /** Reasons that deny a line, as opposed to contractual reductions and patient shares. */
    private static final Set<String> DENIALS =
            Set.of(DIAGNOSIS_INCONSISTENT, EXPENSES_AFTER_COVERAGE_TERMINATED, PATIENT_NOT_IDENTIFIED, NON_COVERED, AUTHORIZATION_ABSENT);

    public static Adjustment co(String reason, BigDecimal amount) {
        return new Adjustment(AdjustmentGroup.CO, reason, amount);
    }

    public static Adjustment pr(String reason, BigDecimal amount) {
        return new Adjustment(AdjustmentGroup.PR, reason, amount);
    }

    public boolean isDenial() {
        return group == AdjustmentGroup.CO && DENIALS.contains(reasonCode);
    }

    public Adjustment negated() {
        return new Adjustment(group, reasonCode, amount.negate());
    }
}
