package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A claim's money, which always reconciles to the cent: charged = paid + adjusted + patient responsibility
 * + outstanding. Outstanding is what nobody has accounted for yet (the whole charge before adjudication).
 */
public record ClaimBalance(BigDecimal charged, BigDecimal paid, BigDecimal adjusted, BigDecimal patientResponsibility) {

    public ClaimBalance {
        charged = cents(charged);
        paid = cents(paid);
        adjusted = cents(adjusted);
        patientResponsibility = cents(patientResponsibility);
    }

    public BigDecimal outstanding() {
        return charged.subtract(paid).subtract(adjusted).subtract(patientResponsibility);
    }

    public static BigDecimal cents(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.UNNECESSARY);
    }
}
