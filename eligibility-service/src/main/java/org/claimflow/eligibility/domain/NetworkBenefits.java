package org.claimflow.eligibility.domain;

import java.math.BigDecimal;

/**
 * The patient-cost figures of one service type in one network, as the payer stated them; null where the
 * payer said nothing. Coinsurance is a fraction (0.20 = 20 %); the rest are US dollars.
 */
public record NetworkBenefits(
        BigDecimal copay,
        BigDecimal coinsurance,
        BigDecimal deductibleTotal,
        BigDecimal deductibleRemaining,
        BigDecimal outOfPocketTotal,
        BigDecimal outOfPocketRemaining) {

    public static final NetworkBenefits NONE = new NetworkBenefits(null, null, null, null, null, null);

    /** True when the payer stated none of the figures (not named isEmpty: it would become a JSON property). */
    public boolean statesNothing() {
        return equals(NONE);
    }
}
