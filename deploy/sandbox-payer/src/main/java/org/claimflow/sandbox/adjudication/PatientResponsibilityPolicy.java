package org.claimflow.sandbox.adjudication;

import java.math.BigDecimal;
import java.util.Set;
import org.claimflow.sandbox.seed.Plan;

/**
 * Rule 5: the patient's share of an allowed amount, in this order: the plan copay once per claim on the
 * first office E/M line (capped at that line's allowed amount); then the deductible still remaining,
 * up to what is left; then coinsurance on the rest, rounded half up to cents.
 */
public final class PatientResponsibilityPolicy {

    private final Set<String> officeVisitCodes;

    public PatientResponsibilityPolicy(Set<String> officeVisitCodes) {
        this.officeVisitCodes = Set.copyOf(officeVisitCodes);
    }

    public boolean takesCopay(String procedureCode) {
        return officeVisitCodes.contains(procedureCode);
    }

    /**
     * @param copayAlreadyTaken   an earlier line of the same claim carried the copay
     * @param deductibleRemaining what earlier lines of the same claim left of the plan's remaining deductible
     */
    public PatientShare share(Plan plan, String procedureCode, BigDecimal allowed, boolean copayAlreadyTaken,
            BigDecimal deductibleRemaining) {
        BigDecimal copay = Money.ZERO;
        if (!copayAlreadyTaken && takesCopay(procedureCode) && plan.officeVisitCopay().signum() > 0) {
            copay = Money.cents(Money.min(plan.officeVisitCopay(), allowed));
        }
        BigDecimal afterCopay = allowed.subtract(copay);
        BigDecimal deductible = Money.cents(Money.min(deductibleRemaining.max(Money.ZERO), afterCopay));
        BigDecimal coinsurance = Money.cents(plan.coinsurance().multiply(afterCopay.subtract(deductible)));
        return new PatientShare(copay, deductible, coinsurance);
    }
}
