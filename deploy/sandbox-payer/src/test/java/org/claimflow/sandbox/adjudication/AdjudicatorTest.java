package org.claimflow.sandbox.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policies applied together to whole claims, with the bundled seed data. */
@QuarkusTest
class AdjudicatorTest {

    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);

    @Inject
    Adjudicator adjudicator;

    @Test
    void takesTheCopayOnlyOnTheFirstOfficeVisitLine() {
        ClaimAdjudication result = adjudicate("SANDBOX-PPO", "M123456789", line("99213", "150.00"), line("99212", "80.00"));

        assertEquals(List.of("CO-45 58.00", "PR-3 25.00", "PR-2 13.40"), adjustments(result.lines().get(0)));
        assertEquals(List.of("CO-45 23.00", "PR-2 11.40"), adjustments(result.lines().get(1)));
        assertEquals(new BigDecimal("99.20"), result.paid());
        assertBalanced(result);
    }

    @Test
    void consumesTheRemainingDeductibleAcrossTheLinesOfOneClaim() {
        ClaimAdjudication result = adjudicate("SANDBOX-PPO", "M555000111", line("99213", "150.00"), line("36415", "10.00"),
                line("99214", "200.00"));

        assertEquals(List.of("CO-45 58.00", "PR-1 92.00"), adjustments(result.lines().get(0)));
        assertEquals(List.of("CO-45 7.00", "PR-1 3.00"), adjustments(result.lines().get(1)));
        assertEquals(List.of("CO-45 69.00", "PR-1 5.00", "PR-2 25.20"), adjustments(result.lines().get(2)));
        assertEquals(new BigDecimal("125.20"), result.patientResponsibility());
        assertEquals(ClaimStatus.PROCESSED_AS_PRIMARY, result.status());
        assertBalanced(result);
    }

    @Test
    void deniesEveryLineOfAnUnknownMemberWithCo31() {
        ClaimAdjudication result = adjudicate("SANDBOX-PPO", "M404", line("99213", "150.00"), line("36415", "10.00"));

        assertEquals(List.of("CO-31 150.00"), adjustments(result.lines().get(0)));
        assertEquals(List.of("CO-31 10.00"), adjustments(result.lines().get(1)));
        assertEquals(ClaimStatus.DENIED, result.status());
        assertBalanced(result);
    }

    @Test
    void knowsMembersOnlyUnderTheirOwnPayer() {
        assertEquals(ClaimStatus.DENIED, adjudicate("SANDBOX-MEDICARE", "M123456789", line("99213", "150.00")).status());
    }

    @Test
    void deniesLinesOutsideCoverageWithCo27() {
        ClaimAdjudication result = adjudicate("SANDBOX-PPO", "M987654321", line("99213", "150.00"));

        assertEquals(List.of("CO-27 150.00"), adjustments(result.lines().get(0)));
        assertEquals(ClaimStatus.DENIED, result.status());
    }

    @Test
    void deniesNonCoveredAndUnauthorizedLinesAndPaysTheRest() {
        ClaimAdjudication result = adjudicate("SANDBOX-PPO", "M123456789", line("15780", "900.00"), line("70551", "1200.00"),
                line("99213", "150.00"));

        assertEquals(List.of("CO-96 900.00"), adjustments(result.lines().get(0)));
        assertEquals(List.of("CO-197 1200.00"), adjustments(result.lines().get(1)));
        assertEquals(List.of("CO-45 58.00", "PR-3 25.00", "PR-2 13.40"), adjustments(result.lines().get(2)));
        assertEquals(ClaimStatus.PROCESSED_AS_PRIMARY, result.status());
        assertBalanced(result);
    }

    @Test
    void medicarePaysFivePercentLessThanThePpo() {
        ClaimAdjudication result = adjudicate("SANDBOX-MEDICARE", "MCR1EG4TE5MK73", line("99213", "150.00"));

        assertEquals(new BigDecimal("87.40"), result.lines().get(0).allowed());
        assertEquals(List.of("CO-45 62.60", "PR-2 17.48"), adjustments(result.lines().get(0)));
        assertEquals(new BigDecimal("69.92"), result.paid());
    }

    @Test
    void platinumMemberIsPaidInFullWithoutZeroAdjustments() {
        ClaimAdjudication result = adjudicate("SANDBOX-PPO", "M000000000", line("99213", "92.00"), line("36415", "3.00"));

        assertEquals(new BigDecimal("95.00"), result.paid());
        assertEquals(List.of(), adjustments(result.lines().get(0)));
        assertEquals(Money.ZERO, result.patientResponsibility());
    }

    @Test
    void unlistedCodeIsAllowedSixtyPercentOfItsCharge() {
        ClaimAdjudication result = adjudicate("SANDBOX-PPO", "M000000000", line("99499", "100.01"));

        assertEquals(new BigDecimal("60.01"), result.lines().get(0).allowed());
        assertEquals(List.of("CO-45 40.00"), adjustments(result.lines().get(0)));
    }

    private ClaimAdjudication adjudicate(String payerId, String memberId, ServiceLine... lines) {
        List<ServiceLine> numbered = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            ServiceLine l = lines[i];
            numbered.add(new ServiceLine(i + 1, l.procedureCode(), l.modifiers(), l.charge(), l.units(), l.serviceDate(),
                    l.serviceDateEnd(), "L" + (i + 1)));
        }
        BigDecimal total = Money.sum(numbered, ServiceLine::charge);
        return adjudicator.adjudicate(new Claim("PCN", payerId, memberId, total, "11", "1", null, numbered), "SBX000000000001");
    }

    private static ServiceLine line(String code, String charge) {
        return new ServiceLine(0, code, List.of(), new BigDecimal(charge), BigDecimal.ONE, MARCH_10, null, null);
    }

    private static List<String> adjustments(LineAdjudication line) {
        return line.adjustments().stream().map(a -> a.group() + "-" + a.reasonCode() + " " + a.amount()).toList();
    }

    private static void assertBalanced(ClaimAdjudication result) {
        for (LineAdjudication line : result.lines()) {
            assertEquals(line.paid(), line.charge().subtract(line.adjustmentTotal()), "line balances");
        }
        BigDecimal adjustments = Money.sum(result.lines(), LineAdjudication::adjustmentTotal);
        assertEquals(result.paid(), result.charge().subtract(adjustments), "claim balances");
    }
}
