package org.claimflow.billing.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.claimflow.billing.x12.BalanceViolation.Level;
import org.junit.jupiter.api.Test;

class RemittanceBalancePolicyTest {

    private static Remittance read(RemittanceFixtures fixture) throws X12ParseException {
        X12Result<Remittance> result = RemittanceReader.read(fixture.build());
        assertEquals(List.of(), result.warnings());
        return result.documents().get(0);
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    @Test
    void balancedRemittanceHasNoViolations() throws Exception {
        assertEquals(List.of(), RemittanceBalancePolicy.check(read(RemittanceFixtures.balanced())));
    }

    @Test
    void linePaidMoreThanChargeLessAdjustmentsIsALineViolation() throws Exception {
        Remittance remittance = read(RemittanceFixtures.balanced().replace("SVC*HC:99213:25", "SVC*HC:99213:25*150*110**1"));

        assertEquals(List.of(
                new BalanceViolation(Level.SERVICE_LINE, "PCN-2024-0001", 14, 1, amount("100"), amount("110"),
                        "claim PCN-2024-0001 (CLP at segment 14) line 1 (SVC at segment 19): charge 150 − adjustments 50 = 100 but paid is 110"),
                new BalanceViolation(Level.CLAIM_LINES, "PCN-2024-0001", 14, null, amount("110"), amount("100"),
                        "claim PCN-2024-0001 (CLP at segment 14): lines paid 110 − claim adjustments 0 = 110 but paid is 100")),
                RemittanceBalancePolicy.check(remittance));
    }

    @Test
    void claimPaidThatDisagreesWithItsChargeAndAdjustmentsIsAClaimAndATransactionViolation() throws Exception {
        Remittance remittance = read(RemittanceFixtures.balanced().replace("CLP*PCN-2024-0001",
                "CLP*PCN-2024-0001*1*162*90*30*12*PAYER-PCN-2024-0001*11*1"));

        assertEquals(List.of(
                new BalanceViolation(Level.CLAIM, "PCN-2024-0001", 14, null, amount("100"), amount("90"),
                        "claim PCN-2024-0001 (CLP at segment 14): charge 162 − adjustments 62 (claim 0, lines 62) = 100 but paid is 90"),
                new BalanceViolation(Level.CLAIM_LINES, "PCN-2024-0001", 14, null, amount("100"), amount("90"),
                        "claim PCN-2024-0001 (CLP at segment 14): lines paid 100 − claim adjustments 0 = 100 but paid is 90"),
                new BalanceViolation(Level.TRANSACTION, null, null, null, amount("82.5"), amount("92.5"),
                        "remittance 0001: claims paid 90 − provider adjustments 7.5 = 82.5 but BPR02 is 92.5")),
                RemittanceBalancePolicy.check(remittance));
    }

    @Test
    void paymentThatDisagreesWithClaimsLessProviderAdjustmentsIsATransactionViolation() throws Exception {
        Remittance remittance = read(RemittanceFixtures.balanced().payment("100"));

        assertEquals(List.of(new BalanceViolation(Level.TRANSACTION, null, null, null, amount("92.5"), amount("100"),
                "remittance 0001: claims paid 100 − provider adjustments 7.5 = 92.5 but BPR02 is 100")),
                RemittanceBalancePolicy.check(remittance));
    }

    @Test
    void claimLevelAdjustmentThatIsMissingUnbalancesADeniedClaim() throws Exception {
        Remittance remittance = read(RemittanceFixtures.balanced().replace("CAS*CO*29*80", "CAS*CO*29*75"));

        assertEquals(List.of(new BalanceViolation(Level.CLAIM, "PCN-2024-0002", 30, null, amount("5"), amount("0"),
                "claim PCN-2024-0002 (CLP at segment 30): charge 80 − adjustments 75 (claim 75, lines 0) = 5 but paid is 0")),
                RemittanceBalancePolicy.check(remittance));
    }

    @Test
    void amountsCompareByValueNotByScale() throws Exception {
        Remittance remittance = read(RemittanceFixtures.balanced().payment("92.50"));

        assertEquals(List.of(), RemittanceBalancePolicy.check(remittance));
    }

    /**
     * The shared 835 sample is de-identified: its amounts were replaced by 9s, so it does not balance. The
     * balance policy reports every broken equation; the expected list is kept next to the sample.
     */
    @Test
    void deidentifiedSampleReportsExactlyItsKnownViolations() throws Exception {
        List<Remittance> remittances;
        try (InputStream in = getClass().getResourceAsStream("/x12/samples/835/oopfactory_ExampleFromNth.x12")) {
            remittances = RemittanceReader.read(in).documents();
        }
        List<BalanceViolation> violations = remittances.stream().flatMap(r -> RemittanceBalancePolicy.check(r).stream()).toList();

        assertEquals(expectedSampleViolations(), violations.stream().map(BalanceViolation::message).toList());
        Map<String, Long> perLevel = violations.stream().collect(Collectors.groupingBy(v -> v.level().name(), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("CLAIM", 51L, "CLAIM_LINES", 6L, "SERVICE_LINE", 50L, "TRANSACTION", 3L), perLevel);
        // Checked by hand: the 14 CLP04 of remittance 10001 add up to 3 × 999.99 + 4 × 99.99 + 4 × 9.99 = 3439.89.
        assertEquals(new BalanceViolation(Level.TRANSACTION, null, null, null, amount("3439.89"), amount("482.13"),
                "remittance 10001: claims paid 3439.89 − provider adjustments 0 = 3439.89 but BPR02 is 482.13"),
                violations.get(violations.size() - 1));
    }

    private List<String> expectedSampleViolations() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/x12/balance/oopfactory_ExampleFromNth.violations.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The balanced remittance with AMT*I on its paid claim (where DTM*233 was, so segment positions stay). */
    private static RemittanceFixtures withClaimInterest(String interest) {
        return RemittanceFixtures.balanced().replace("DTM*233", "AMT*I*" + interest);
    }

    @Test
    void claimInterestIsInformationAndThePlbPaysIt() throws Exception {
        // CLP04 100 = 162 − 62, interest apart; PLB L6 −2.5 = −AMT*I pays the interest: BPR02 92.5 = 100 − 7.5.
        Remittance remittance = read(withClaimInterest("2.5"));
        assertEquals(amount("2.5"), remittance.claims().get(0).interestAmount());
        assertEquals(List.of(), RemittanceBalancePolicy.check(remittance));
        assertEquals(List.of(), RemittanceBalancePolicy.warnings(remittance));
    }

    @Test
    void aClaimWhosePaymentIncludesItsInterestDoesNotBalance() throws Exception {
        // The wrong reading of AMT*I: CLP04 101.25 = 162 − 62 + interest 1.25.
        Remittance remittance = read(withClaimInterest("1.25").payment("93.75")
                .replace("CLP*PCN-2024-0001", "CLP*PCN-2024-0001*1*162*101.25*30*12*PAYER-PCN-2024-0001*11*1"));
        String interest = "; AMT*I interest 1.25 is information only, not part of CLP04 (interest is paid in PLB L6: X12 RFI 1324, 2123)";
        assertEquals(List.of(
                new BalanceViolation(Level.CLAIM, "PCN-2024-0001", 14, null, amount("100"), amount("101.25"),
                        "claim PCN-2024-0001 (CLP at segment 14): charge 162 − adjustments 62 (claim 0, lines 62) = 100 but paid is 101.25"
                                + interest),
                new BalanceViolation(Level.CLAIM_LINES, "PCN-2024-0001", 14, null, amount("100"), amount("101.25"),
                        "claim PCN-2024-0001 (CLP at segment 14): lines paid 100 − claim adjustments 0 = 100 but paid is 101.25"
                                + interest)),
                RemittanceBalancePolicy.check(remittance));
    }

    @Test
    void aClaimPaidAboveItsChargeWithoutInterestDoesNotBalance() throws Exception {
        Remittance remittance = read(RemittanceFixtures.balanced().payment("93.75")
                .replace("CLP*PCN-2024-0001", "CLP*PCN-2024-0001*1*162*101.25*30*12*PAYER-PCN-2024-0001*11*1"));
        assertEquals(null, remittance.claims().get(0).interestAmount());
        List<BalanceViolation> violations = RemittanceBalancePolicy.check(remittance);
        assertEquals(List.of(Level.CLAIM, Level.CLAIM_LINES), violations.stream().map(BalanceViolation::level).toList());
        assertEquals(List.of(), violations.stream().filter(v -> v.message().contains("AMT*I")).toList());
    }

    @Test
    void plbInterestThatIsNotTheClaimsInterestIsAWarningNotAViolation() throws Exception {
        // AMT*I 1.25 but PLB L6 −2.5: the money balances (BPR02 = ΣCLP04 − ΣPLB), the interest does not.
        Remittance remittance = read(withClaimInterest("1.25"));
        assertEquals(List.of(), RemittanceBalancePolicy.check(remittance));
        assertEquals(List.of("remittance 0001: its claims report interest (AMT*I) of 1.25 in all, so PLB L6 should total -1.25, "
                + "but it totals -2.5 (X12 RFI 2123); the file balances and was posted: each claim is paid its CLP04 and keeps "
                + "its AMT*I as interest"), RemittanceBalancePolicy.warnings(remittance));

        // No PLB L6 at all: the interest was not paid.
        Remittance unpaid = read(withClaimInterest("1.25").payment("90")
                .replace("PLB", "PLB*1234567893*20241231*WO:OVERPAY-77*10"));
        assertEquals(List.of(), RemittanceBalancePolicy.check(unpaid));
        assertEquals(1, RemittanceBalancePolicy.warnings(unpaid).size());
        assertTrue(RemittanceBalancePolicy.warnings(unpaid).get(0).contains("should total -1.25, but it totals 0"),
                RemittanceBalancePolicy.warnings(unpaid).get(0));
    }

    @Test
    void withoutClaimInterestThePlbInterestIsNotChecked() throws Exception {
        // RFI 2123: L6 = −ΣAMT*I except when the claims' interest nets to zero (here: none is reported).
        Remittance remittance = read(RemittanceFixtures.balanced());
        assertEquals(List.of(), RemittanceBalancePolicy.warnings(remittance));
    }

    @Test
    void aLineAllowedAmountIsNotTakenForClaimInterest() throws Exception {
        // AMT*B6 inside a line stays the line's allowed amount; only a claim-level AMT*I is interest.
        Remittance remittance = read(RemittanceFixtures.balanced());
        assertEquals(null, remittance.claims().get(0).interestAmount());
        assertEquals(amount("130"), remittance.claims().get(0).serviceLines().get(0).allowedAmount());
    }
}
