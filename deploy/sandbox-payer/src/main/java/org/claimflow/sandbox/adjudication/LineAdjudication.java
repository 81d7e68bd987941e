package org.claimflow.sandbox.adjudication;

import java.math.BigDecimal;
import java.util.List;

/** The payer's decision on one service line; charge minus the adjustments is the paid amount. */
public record LineAdjudication(ServiceLine line, BigDecimal charge, BigDecimal allowed, BigDecimal paid,
        List<Adjustment> adjustments) {

    public LineAdjudication {
        adjustments = List.copyOf(adjustments);
    }

    public static LineAdjudication denied(ServiceLine line, String reason) {
        return new LineAdjudication(line, line.charge(), Money.ZERO, Money.ZERO,
                List.of(Adjustment.co(reason, line.charge())));
    }

    public boolean isDenied() {
        return paid.signum() == 0 && adjustments.stream().anyMatch(Adjustment::isDenial);
    }

    public BigDecimal patientResponsibility() {
        return adjustments.stream().filter(a -> a.group() == AdjustmentGroup.PR)
                .map(Adjustment::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    public BigDecimal adjustmentTotal() {
        return Money.sum(adjustments, Adjustment::amount);
    }

    public LineAdjudication negated() {
        return new LineAdjudication(line, charge.negate(), allowed.negate(), paid.negate(),
                adjustments.stream().map(Adjustment::negated).toList());
    }
}
