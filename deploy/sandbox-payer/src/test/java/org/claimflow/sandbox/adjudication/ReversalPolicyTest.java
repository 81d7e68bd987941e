package org.claimflow.sandbox.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReversalPolicyTest {

    @Test
    void reversalNegatesEveryAmountAndKeepsTheOriginalClaimNumber() {
        ServiceLine line = new ServiceLine(1, "99213", List.of(), new BigDecimal("150.00"), BigDecimal.ONE,
                LocalDate.of(2026, 3, 10), null, "L1");
        LineAdjudication paid = new LineAdjudication(line, new BigDecimal("150.00"), new BigDecimal("92.00"),
                new BigDecimal("53.60"), List.of(Adjustment.co("45", new BigDecimal("58.00")),
                        Adjustment.pr("3", new BigDecimal("25.00")), Adjustment.pr("2", new BigDecimal("13.40"))));
        Claim claim = new Claim("PCN1", "SANDBOX-PPO", "M123456789", new BigDecimal("150.00"), "11", "1", null, List.of(line));
        ClaimAdjudication original = new ClaimAdjudication(claim, "SBX000000000001", ClaimStatus.PROCESSED_AS_PRIMARY, List.of(paid));

        ClaimAdjudication reversal = new ReversalPolicy().reverse(original);

        assertEquals(ClaimStatus.REVERSAL, reversal.status());
        assertEquals("SBX000000000001", reversal.payerClaimControlNumber());
        assertEquals(new BigDecimal("-150.00"), reversal.charge());
        assertEquals(new BigDecimal("-53.60"), reversal.paid());
        assertEquals(new BigDecimal("-38.40"), reversal.patientResponsibility());
        LineAdjudication reversedLine = reversal.lines().get(0);
        assertEquals(reversedLine.paid(), reversedLine.charge().subtract(reversedLine.adjustmentTotal()), "still balances");
    }
}
