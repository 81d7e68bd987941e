package org.claimflow.sandbox.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimStatusPolicyTest {

    private static final ServiceLine LINE = new ServiceLine(1, "99213", List.of(), new BigDecimal("100.00"),
            BigDecimal.ONE, LocalDate.of(2026, 3, 10), null, "L1");

    private final ClaimStatusPolicy policy = new ClaimStatusPolicy();

    @Test
    void claimIsDeniedWhenEveryLineIsDenied() {
        assertEquals(ClaimStatus.DENIED, policy.status(List.of(LineAdjudication.denied(LINE, "96"),
                LineAdjudication.denied(LINE, "27"))));
    }

    @Test
    void claimIsProcessedWhenOneLineIsPaid() {
        assertEquals(ClaimStatus.PROCESSED_AS_PRIMARY, policy.status(List.of(LineAdjudication.denied(LINE, "197"),
                paid("92.00", List.of(Adjustment.co("45", new BigDecimal("8.00")))))));
    }

    @Test
    void claimPaidZeroBecauseOfTheDeductibleIsNotADenial() {
        assertEquals(ClaimStatus.PROCESSED_AS_PRIMARY, policy.status(List.of(
                paid("0.00", List.of(Adjustment.co("45", new BigDecimal("8.00")), Adjustment.pr("1", new BigDecimal("92.00")))))));
    }

    private static LineAdjudication paid(String paid, List<Adjustment> adjustments) {
        return new LineAdjudication(LINE, LINE.charge(), new BigDecimal("92.00"), new BigDecimal(paid), adjustments);
    }
}
