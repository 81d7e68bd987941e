package org.claimflow.eligibility.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How amounts leave the service: money with two places ("25.00"), fractions with at least two ("0.20", "0.125"). */
public final class Amounts {

    private Amounts() {
    }

    public static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal fraction(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
