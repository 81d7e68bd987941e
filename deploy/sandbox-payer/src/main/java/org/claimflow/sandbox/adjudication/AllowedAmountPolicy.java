package org.claimflow.sandbox.adjudication;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Rule 4: the allowed amount is the fee schedule amount (times the payer's factor, rounded to cents)
 * times the units, capped at the line charge. A code missing from the schedule is allowed a fixed share
 * of its charge.
 */
public final class AllowedAmountPolicy {

    private final Map<String, BigDecimal> feeSchedule;
    private final BigDecimal unlistedCodeShare;

    public AllowedAmountPolicy(Map<String, BigDecimal> feeSchedule, BigDecimal unlistedCodeShare) {
        this.feeSchedule = Map.copyOf(feeSchedule);
        this.unlistedCodeShare = unlistedCodeShare;
    }

    public BigDecimal allowed(BigDecimal payerFactor, String procedureCode, BigDecimal units, BigDecimal charge) {
        BigDecimal fee = feeSchedule.get(procedureCode);
        if (fee == null) {
            return Money.cents(charge.multiply(unlistedCodeShare));
        }
        BigDecimal perUnit = Money.cents(fee.multiply(payerFactor));
        return Money.min(Money.cents(perUnit.multiply(units)), Money.cents(charge));
    }
}
