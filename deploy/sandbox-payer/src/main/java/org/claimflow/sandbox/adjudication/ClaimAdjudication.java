package org.claimflow.sandbox.adjudication;

import java.math.BigDecimal;
import java.util.List;

/** The payer's decision on one claim, as one CLP loop of an 835. */
public record ClaimAdjudication(Claim claim, String payerClaimControlNumber, ClaimStatus status,
        List<LineAdjudication> lines) {

    public ClaimAdjudication {
        lines = List.copyOf(lines);
    }

    public BigDecimal charge() {
        return Money.sum(lines, LineAdjudication::charge);
    }

    public BigDecimal paid() {
        return Money.sum(lines, LineAdjudication::paid);
    }

    public BigDecimal patientResponsibility() {
        return Money.sum(lines, LineAdjudication::patientResponsibility);
    }
}
