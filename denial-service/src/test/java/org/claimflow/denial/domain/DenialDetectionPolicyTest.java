package org.claimflow.denial.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenialDetectionPolicyTest {

    /** As seeded in V2__seed_classification_and_payer_policies.sql. */
    private static final NonDenialAdjustments SEEDED = NonDenialAdjustments.of(List.of(
            new String[] {"CO", "45"}, new String[] {"CO", "253"}, new String[] {"CO", "59"}, new String[] {"CO", "24"},
            new String[] {"PR", "*"}));

    private static AdjudicatedClaim.Adjustment adj(String group, String reason, String amount) {
        return new AdjudicatedClaim.Adjustment(group, reason, new BigDecimal(amount));
    }

    private static AdjudicatedClaim.Line line(int number, String charge, String paid, List<String> remarks,
                                              AdjudicatedClaim.Adjustment... adjustments) {
        return new AdjudicatedClaim.Line(number, "9921" + number, new BigDecimal(charge), new BigDecimal(paid),
                List.of(adjustments), remarks);
    }

    private static AdjudicatedClaim claim(AdjudicationOutcome outcome, String charge, List<AdjudicatedClaim.Adjustment> claimLevel,
                                          AdjudicatedClaim.Line... lines) {
        return new AdjudicatedClaim(UUID.randomUUID(), UUID.randomUUID(), "SANDBOX-PPO", outcome, new BigDecimal(charge),
                LocalDate.of(2026, 10, 20), claimLevel, List.of(lines));
    }

    @ParameterizedTest(name = "{0}-{1} on a zero-paid line is a denial: {2}")
    @CsvSource({
            "CO, 96, true",
            "CO, 197, true",
            "OA, 18, true",
            "PI, 50, true",
            "CO, 45, false",
            "CO, 253, false",
            "co, 45, false",
            "PR, 1, false",
            "PR, 3, false",
            "PR, 96, false",
    })
    void treatsOnlyNonContractualReasonsOnAZeroLineAsDenials(String group, String reason, boolean denial) {
        AdjudicatedClaim claim = claim(AdjudicationOutcome.PARTIALLY_DENIED, "100.00", List.of(),
                line(1, "100.00", "0.00", List.of(), adj(group, reason, "100.00")));
        assertEquals(denial ? 1 : 0, DenialDetectionPolicy.detect(claim, SEEDED).size());
    }

    @Test
    void findsNoDenialOnAPaidLineWhateverItsAdjustments() {
        AdjudicatedClaim claim = claim(AdjudicationOutcome.PAID, "150.00", List.of(),
                line(1, "150.00", "20.00", List.of(), adj("CO", "45", "30.00"), adj("CO", "97", "100.00")));
        assertTrue(DenialDetectionPolicy.detect(claim, SEEDED).isEmpty());
    }

    @Test
    void findsOneDenialPerDeniedLineWithTheLineChargeAtStake() {
        AdjudicatedClaim claim = claim(AdjudicationOutcome.PARTIALLY_DENIED, "412.00", List.of(),
                line(1, "150.00", "67.00", List.of(), adj("CO", "45", "58.00"), adj("PR", "3", "25.00")),
                line(2, "250.00", "0.00", List.of("N130"), adj("CO", "96", "250.00")),
                line(3, "12.00", "0.00", List.of(), adj("CO", "236", "12.00")));

        List<DetectedDenial> denials = DenialDetectionPolicy.detect(claim, SEEDED);

        assertEquals(2, denials.size());
        DetectedDenial first = denials.get(0);
        assertEquals(2, first.lineNumber());
        assertEquals("CO", first.groupCode());
        assertEquals("96", first.primaryReason());
        assertEquals(List.of("N130"), first.remarkCodes());
        assertEquals(new BigDecimal("250.00"), first.amount());
        assertEquals(3, denials.get(1).lineNumber());
    }

    @Test
    void takesTheLargestDenyingAdjustmentAsThePrimaryReason() {
        AdjudicatedClaim claim = claim(AdjudicationOutcome.PARTIALLY_DENIED, "200.00", List.of(),
                line(1, "200.00", "0.00", List.of(), adj("CO", "45", "20.00"), adj("OA", "18", "30.00"), adj("CO", "16", "150.00")));

        DetectedDenial denial = DenialDetectionPolicy.detect(claim, SEEDED).get(0);

        assertEquals("16", denial.primaryReason());
        assertEquals(List.of("16", "18"), denial.reasonCodes());
    }

    @Test
    void findsOneClaimLevelDenialForAWholeClaimDeniedWithoutLines() {
        AdjudicatedClaim claim = claim(AdjudicationOutcome.DENIED, "162.00", List.of(adj("CO", "27", "162.00")));

        List<DetectedDenial> denials = DenialDetectionPolicy.detect(claim, SEEDED);

        assertEquals(1, denials.size());
        assertTrue(denials.get(0).claimLevel());
        assertEquals("27", denials.get(0).primaryReason());
        assertEquals(new BigDecimal("162.00"), denials.get(0).amount());
    }

    @Test
    void usesClaimLevelReasonsForAZeroLineThatCarriesNone() {
        AdjudicatedClaim claim = claim(AdjudicationOutcome.DENIED, "90.00", List.of(adj("CO", "29", "90.00")),
                line(1, "90.00", "0.00", List.of()));
        assertEquals("29", DenialDetectionPolicy.detect(claim, SEEDED).get(0).primaryReason());
    }

    @Test
    void ignoresAReversal() {
        AdjudicatedClaim claim = claim(AdjudicationOutcome.REVERSED, "250.00", List.of(adj("CR", "96", "250.00")),
                line(1, "250.00", "0.00", List.of(), adj("CO", "96", "250.00")));
        assertTrue(DenialDetectionPolicy.detect(claim, SEEDED).isEmpty());
    }
}
