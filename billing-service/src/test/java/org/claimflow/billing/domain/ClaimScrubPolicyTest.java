package org.claimflow.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimScrubPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    /** A clean office visit: registry address, 9-digit ZIP, valid NPIs (1234567893, 1245319599). */
    private static Claim cleanClaim() {
        Claim c = new Claim();
        c.memberId = "M123456789";
        c.patientFirstName = "Ada";
        c.patientLastName = "Lovelace";
        c.patientDateOfBirth = LocalDate.of(1980, 2, 14);
        c.patientPostalCode = "62701";
        c.patientState = "IL";
        c.billingNpi = "1234567893";
        c.billingTaxId = "123456789";
        c.billingName = "Demo Clinic";
        c.billingLine1 = "100 Demo Clinic Way";
        c.billingLine2 = "Suite 200";
        c.billingState = "IL";
        c.billingPostalCode = "627011234";
        c.renderingNpi = "1245319599";
        c.renderingFirstName = "Grace";
        c.renderingLastName = "Hopper";
        c.dateOfService = LocalDate.of(2026, 10, 14);
        c.diagnoses = "E11.9,I10";
        c.totalCharge = new BigDecimal("162.00");
        return c;
    }

    private static List<ClaimLine> lines(String... charges) {
        List<ClaimLine> lines = new ArrayList<>();
        for (int i = 0; i < charges.length; i++) {
            ClaimLine l = new ClaimLine();
            l.lineNumber = i + 1;
            l.procedureCode = "99213";
            l.chargeAmount = new BigDecimal(charges[i]);
            lines.add(l);
        }
        return lines;
    }

    private static List<String> errors(Consumer<Claim> change) {
        Claim claim = cleanClaim();
        change.accept(claim);
        return ClaimScrubPolicy.check(claim, lines("150.00", "12.00"), TODAY, 365).stream()
                .filter(ScrubFinding::holds).map(ScrubFinding::ruleId).toList();
    }

    @Test
    void aCleanClaimHasNoFindings() {
        assertEquals(List.of(), ClaimScrubPolicy.check(cleanClaim(), lines("150.00", "12.00"), TODAY, 365));
    }

    static Stream<Arguments> rejectedData() {
        return Stream.of(
                Arguments.of("no street address", (Consumer<Claim>) c -> c.billingLine1 = " ", "BILLING_ADDRESS_MISSING"),
                Arguments.of("PO Box", (Consumer<Claim>) c -> c.billingLine1 = "PO Box 123", "BILLING_ADDRESS_PO_BOX"),
                Arguments.of("P.O. BOX", (Consumer<Claim>) c -> c.billingLine1 = "P.O. BOX 77", "BILLING_ADDRESS_PO_BOX"),
                Arguments.of("post office box", (Consumer<Claim>) c -> c.billingLine1 = "Post Office Box 9", "BILLING_ADDRESS_PO_BOX"),
                Arguments.of("lockbox in line 2", (Consumer<Claim>) c -> c.billingLine2 = "Lockbox 5521", "BILLING_ADDRESS_PO_BOX"),
                Arguments.of("ZIP of 4 digits", (Consumer<Claim>) c -> c.billingPostalCode = "6270", "BILLING_ZIP_INVALID"),
                Arguments.of("ZIP+4 with hyphen", (Consumer<Claim>) c -> c.billingPostalCode = "62701-1234", "BILLING_ZIP_INVALID"),
                Arguments.of("patient ZIP of 6 digits", (Consumer<Claim>) c -> c.patientPostalCode = "627011", "PATIENT_ZIP_INVALID"),
                Arguments.of("state XX", (Consumer<Claim>) c -> c.billingState = "XX", "BILLING_STATE_INVALID"),
                Arguments.of("state in lower case", (Consumer<Claim>) c -> c.patientState = "il", "PATIENT_STATE_INVALID"),
                Arguments.of("tax id with hyphen", (Consumer<Claim>) c -> c.billingTaxId = "12-3456789", "TAX_ID_INVALID"),
                Arguments.of("tax id of 8 digits", (Consumer<Claim>) c -> c.billingTaxId = "12345678", "TAX_ID_INVALID"),
                Arguments.of("NPI with a wrong check digit", (Consumer<Claim>) c -> c.billingNpi = "1234567890", "BILLING_NPI_INVALID"),
                Arguments.of("rendering NPI wrong", (Consumer<Claim>) c -> c.renderingNpi = "1245319590", "RENDERING_NPI_INVALID"),
                Arguments.of("member id missing", (Consumer<Claim>) c -> c.memberId = "", "MEMBER_ID_MISSING"),
                Arguments.of("member id with a space", (Consumer<Claim>) c -> c.memberId = "M123 456", "MEMBER_ID_INVALID"),
                Arguments.of("member id with an asterisk", (Consumer<Claim>) c -> c.memberId = "M123*456", "MEMBER_ID_INVALID"),
                Arguments.of("born after the visit", (Consumer<Claim>) c -> c.patientDateOfBirth = LocalDate.of(2026, 10, 15),
                        "PATIENT_BIRTH_DATE_AFTER_SERVICE"),
                Arguments.of("service tomorrow", (Consumer<Claim>) c -> c.dateOfService = TODAY.plusDays(1), "DATE_OF_SERVICE_IN_FUTURE"),
                Arguments.of("service 366 days ago", (Consumer<Claim>) c -> c.dateOfService = TODAY.minusDays(366), "TIMELY_FILING_EXPIRED"),
                Arguments.of("total not the lines' sum", (Consumer<Claim>) c -> c.totalCharge = new BigDecimal("160.00"), "TOTAL_CHARGE_MISMATCH"),
                Arguments.of("13 diagnoses", (Consumer<Claim>) c -> c.diagnoses = "A00.0,A01.0,A02.0,A03.0,A04.0,A05.0,A06.0,A07.0,A08.0,A09,B00.0,B01.0,B02.0",
                        "TOO_MANY_DIAGNOSES"),
                Arguments.of("accented last name", (Consumer<Claim>) c -> c.patientLastName = "Lovelacé", "PATIENT_NAME_INVALID"),
                Arguments.of("asterisk in the first name", (Consumer<Claim>) c -> c.patientFirstName = "A*da", "PATIENT_NAME_INVALID"),
                Arguments.of("tilde in the practice name", (Consumer<Claim>) c -> c.billingName = "Demo~Clinic", "BILLING_NAME_INVALID"),
                Arguments.of("no last name", (Consumer<Claim>) c -> c.patientLastName = "", "PATIENT_NAME_INVALID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedData")
    void holdsWhatAPayerWouldReject(String what, Consumer<Claim> change, String ruleId) {
        assertEquals(List.of(ruleId), errors(change));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 Boxwood Lane", "500 Post Office Road", "12 Box Elder St", "100 Demo Clinic Way"})
    void streetAddressesThatMentionABoxAreNotPoBoxes(String line1) {
        assertEquals(List.of(), errors(c -> c.billingLine1 = line1));
    }

    @Test
    void acceptsNamesX12CanCarryAndTheTimelyFilingDayItself() {
        assertEquals(List.of(), errors(c -> {
            c.patientLastName = "O'Brien-Smith";
            c.patientFirstName = "Mary Ann";
            c.dateOfService = TODAY.minusDays(365);
            c.renderingNpi = null;
        }));
    }

    @Test
    void theTimelyFilingLimitIsThePayers() {
        Claim claim = cleanClaim();
        claim.dateOfService = TODAY.minusDays(100);
        assertTrue(ClaimScrubPolicy.check(claim, lines("150.00", "12.00"), TODAY, 90).stream()
                .anyMatch(f -> f.ruleId().equals("TIMELY_FILING_EXPIRED")));
        assertFalse(ClaimScrubPolicy.holds(ClaimScrubPolicy.check(claim, lines("150.00", "12.00"), TODAY, 365)));
    }

    @Test
    void aZeroChargeLineAndAZeroTotalAreHeld() {
        Claim claim = cleanClaim();
        claim.totalCharge = BigDecimal.ZERO;
        List<ScrubFinding> findings = ClaimScrubPolicy.check(claim, lines("0.00"), TODAY, 365);
        assertEquals(List.of("ZERO_CHARGE", "ZERO_CHARGE"), findings.stream().map(ScrubFinding::ruleId).toList());
        assertEquals(List.of("totalCharge", "serviceLines[0].chargeAmount"), findings.stream().map(ScrubFinding::field).toList());
    }

    @Test
    void moreThanFiftyLinesAreHeld() {
        String[] charges = new String[51];
        java.util.Arrays.fill(charges, "10.00");
        Claim claim = cleanClaim();
        claim.totalCharge = new BigDecimal("510.00");
        assertEquals(List.of("TOO_MANY_LINES"), ClaimScrubPolicy.check(claim, lines(charges), TODAY, 365).stream()
                .map(ScrubFinding::ruleId).toList());
    }

    @Test
    void thePlaceholderAddressIsAWarningThatDoesNotHold() {
        Claim claim = cleanClaim();
        claim.billingLine1 = "ADDRESS UNKNOWN - UPDATE PROVIDER REGISTRY";
        List<ScrubFinding> findings = ClaimScrubPolicy.check(claim, lines("150.00", "12.00"), TODAY, 365);
        assertEquals(List.of("BILLING_ADDRESS_PLACEHOLDER"), findings.stream().map(ScrubFinding::ruleId).toList());
        assertFalse(ClaimScrubPolicy.holds(findings));
    }

    @Test
    void findingsNameTheFieldNeverItsValue() {
        Claim claim = cleanClaim();
        claim.patientLastName = "Lovelacé";
        claim.memberId = "M123 456";
        for (ScrubFinding f : ClaimScrubPolicy.check(claim, lines("150.00", "12.00"), TODAY, 365)) {
            assertFalse(f.message().contains("Lovelac") || f.message().contains("M123"), f.message());
            assertFalse(f.suggestedFix().isBlank());
        }
    }
}
