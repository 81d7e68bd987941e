package org.claimflow.sandbox.seed;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A member's benefit plan. Remaining amounts are static: the sandbox does not accumulate what earlier
 * claims consumed, so every claim sees the same remaining deductible.
 *
 * @param coinsurance a fraction, 0.20 for 20%
 */
public record Plan(String name, BigDecimal officeVisitCopay, BigDecimal deductible, BigDecimal deductibleRemaining,
        BigDecimal coinsurance, BigDecimal outOfPocketMax, BigDecimal outOfPocketRemaining) {

    public Optional<BigDecimal> outOfPocket() {
        return Optional.ofNullable(outOfPocketMax);
    }
}
