package org.claimflow.billing.x12;

import static org.claimflow.billing.x12.ClaimAcknowledgmentFixtures.claimAcknowledgment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.claimflow.billing.x12.ClaimAcknowledgment.Outcome;
import org.junit.jupiter.api.Test;

class AcknowledgmentReaderTest {

    private static byte[] sample(String path) throws IOException {
        try (InputStream in = AcknowledgmentReaderTest.class.getResourceAsStream("/x12/samples/" + path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void partiallyAcceptedGroupListsTheRejectedTransactionSetsWithTheirErrors() throws Exception {
        X12Result<FunctionalAcknowledgment> result = AcknowledgmentReader.read999(sample("999/oopfactory_DHS_Wisconsin_Sample.x12"));
        FunctionalAcknowledgment ack = result.documents().get(0);

        assertEquals(List.of(), result.warnings());
        assertEquals("HC", ack.acknowledgedFunctionalIdentifierCode());
        assertEquals("17456", ack.acknowledgedGroupControlNumber());
        assertEquals(AcknowledgmentStatus.PARTIALLY_ACCEPTED, ack.groupStatus());
        assertEquals(List.of(3, 3, 1), List.of(ack.transactionSetsIncluded(), ack.transactionSetsReceived(),
                ack.transactionSetsAccepted()));
        assertEquals(List.of(
                new TransactionSetAcknowledgment("837", "0001", null, AcknowledgmentStatus.ACCEPTED, List.of(), List.of()),
                new TransactionSetAcknowledgment("837", "002", null, AcknowledgmentStatus.REJECTED, List.of("5"),
                        List.of(new SegmentError("CLM", 22, null, "8",
                                List.of(new ElementError(2, null, null, "782", "1"))))),
                new TransactionSetAcknowledgment("837", "0003", null, AcknowledgmentStatus.REJECTED, List.of("5"),
                        List.of(new SegmentError("REF", 57, null, "3", List.of())))),
                ack.transactionSets());
        assertTrue(ack.transactionSets().get(0).accepted());
        assertFalse(ack.transactionSets().get(1).accepted());
    }

    @Test
    void accepted999IsReadDespiteItsEnvelopeDefectsWhichBecomeWarnings() throws Exception {
        X12Result<FunctionalAcknowledgment> result = AcknowledgmentReader.read999(sample("999/imsweb_x12_999_accepted.x12"));
        FunctionalAcknowledgment ack = result.documents().get(0);

        assertEquals(AcknowledgmentStatus.ACCEPTED, ack.groupStatus());
        assertEquals("005010X223A2", ack.acknowledgedVersion());
        assertEquals(List.of(new TransactionSetAcknowledgment("837", "0001", "005010X223A2", AcknowledgmentStatus.ACCEPTED,
                List.of(), List.of())), ack.transactionSets());
        assertEquals(List.of("GS (segment 2) element 05: INVALID_TIME",
                "interchange 000000286 (ISA at segment 1): IEA02 control number 000000001 differs from ISA13"),
                result.warnings());
    }

    @Test
    void ik5WithoutAk2FailsNamingTheSegment() throws Exception {
        String x12 = new String(sample("999/staedi_simple999.x12"), StandardCharsets.US_ASCII).replace("AK2*837*0001~", "");

        X12ParseException e = assertThrows(X12ParseException.class, () -> AcknowledgmentReader.read999(x12.getBytes(StandardCharsets.US_ASCII)));

        assertEquals("IK5 (segment 5) is not inside an AK2 loop", e.getMessage());
    }

    /** Found by AcknowledgmentReaderFuzzTest: a stray component separator made an empty code pass for one. */
    @Test
    void strayComponentSeparatorIsNotAnErrorCodeOrAClaimNumber() throws Exception {
        String x12 = new String(sample("999/oopfactory_DHS_Wisconsin_Sample.x12"), StandardCharsets.UTF_8)
                .replace("AK9*P*3*3*1", "AK9*P*3*3*1*:5");
        assertEquals(List.of(), AcknowledgmentReader.read999(x12.getBytes(StandardCharsets.UTF_8)).documents().get(0).groupErrorCodes());

        String ca = claimAcknowledgment().claim(":PCN-1", "STC*A2:20*20240305*WQ*162").build();
        X12ParseException e = assertThrows(X12ParseException.class, () -> AcknowledgmentReader.read277CA(ca.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().endsWith("element 02 (claim trace number) is required but empty"), e.getMessage());
    }

    @Test
    void accepted277caClaimCarriesThePayersClaimNumber() throws Exception {
        X12Result<ClaimAcknowledgment> result = AcknowledgmentReader.read277CA(sample("277ca/imsweb_x12_277CA_accepted.x12"));

        assertEquals(List.of(new ClaimAcknowledgment("000014420", "000014420", "5781", "1107000000014420", null,
                Outcome.ACCEPTED, List.of(new ClaimStatus("A2", "20", null, LocalDate.of(2011, 3, 11), "WQ",
                        new BigDecimal("125"), null)), 21)), result.documents());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void rejected277caClaimCarriesItsStatusCodesAndEntity() throws Exception {
        X12Result<ClaimAcknowledgment> result = AcknowledgmentReader.read277CA(sample("277/oopfactory_FromAlexbrodsky.x12"));
        ClaimAcknowledgment claim = result.documents().get(0);

        assertEquals(1, result.documents().size());
        assertEquals("3920394930203", claim.patientControlNumber());
        assertEquals(Outcome.REJECTED, claim.outcome());
        assertEquals(List.of(new ClaimStatus("A7", "562", "85", LocalDate.of(2011, 3, 11), "WQ", new BigDecimal("199.14"), null)),
                claim.statuses());
    }

    @Test
    void claimStatusResponseReadsEachClaimWithItsFreeText() throws Exception {
        X12Result<ClaimAcknowledgment> result = AcknowledgmentReader.read277CA(sample("277/imsweb_x12_277_x212.x12"));

        assertEquals(8, result.documents().size());
        assertTrue(result.documents().stream().allMatch(c -> c.outcome() == Outcome.ACCEPTED));
        assertEquals("PAYER ACKNOWLEDGED RECEIPT OF THE CLAIM", result.documents().get(0).statuses().get(0).freeText());
        assertEquals("12345", result.documents().get(0).clearinghouseTraceNumber());
        assertEquals(List.of("interchange 000000001 (ISA at segment 1): IEA02 control number 842928883 differs from ISA13"),
                result.warnings());
    }

    @Test
    void claimWithoutAcceptanceOrRejectionCategoryIsUndetermined() throws Exception {
        X12Result<ClaimAcknowledgment> result = AcknowledgmentReader.read277CA(sample("277/oopfactory_277_Deidentified_from_nth.x12"));

        assertEquals(3, result.documents().size());
        assertTrue(result.documents().stream().allMatch(c -> c.outcome() == Outcome.UNDETERMINED));
    }

    @Test
    void eachClaimIsAcceptedOrRejectedOnItsOwn() throws Exception {
        String x12 = claimAcknowledgment()
                .claim("PCN-2024-0001", "STC*A2:20*20240305*WQ*162", "REF*1K*ICN-555")
                .claim("PCN-2024-0002", "STC*A7:562:85*20240305*U*80******A3:21:85*A6:128*BILLING NPI NOT ON FILE")
                .build();

        List<ClaimAcknowledgment> claims = AcknowledgmentReader.read277CA(x12.getBytes(StandardCharsets.US_ASCII)).documents();

        assertEquals(Outcome.ACCEPTED, claims.get(0).outcome());
        assertEquals("ICN-555", claims.get(0).payerClaimControlNumber());
        ClaimAcknowledgment rejected = claims.get(1);
        assertEquals("PCN-2024-0002", rejected.patientControlNumber());
        assertEquals(Outcome.REJECTED, rejected.outcome());
        assertNull(rejected.payerClaimControlNumber());
        assertEquals(List.of("A7:562:85", "A3:21:85", "A6:128:null"), rejected.statuses().stream()
                .map(s -> s.categoryCode() + ":" + s.statusCode() + ":" + s.entityCode()).toList());
        assertTrue(rejected.statuses().stream().allMatch(s -> "BILLING NPI NOT ON FILE".equals(s.freeText())));
    }

    @Test
    void statusesOfTheBatchAndProviderLevelsAreNotClaims() throws Exception {
        String x12 = claimAcknowledgment().claim("PCN-2024-0001", "STC*A2:20*20240305*WQ*162").build();

        List<ClaimAcknowledgment> claims = AcknowledgmentReader.read277CA(x12.getBytes(StandardCharsets.US_ASCII)).documents();

        assertEquals(List.of("PCN-2024-0001"), claims.stream().map(ClaimAcknowledgment::patientControlNumber).toList());
    }

    @Test
    void truncated277FailsSayingItIsTruncated() {
        X12ParseException e = assertThrows(X12ParseException.class,
                () -> AcknowledgmentReader.read277CA(sample("277/oopfactory_FromBogeyone.x12")));

        assertEquals("input is truncated: it ends after HL (segment 10) inside transaction 0001, without its SE/GE/IEA trailers",
                e.getMessage());
    }

    @Test
    void damagedIsaIsRefusedNamingTheElement() {
        X12ParseException e = assertThrows(X12ParseException.class,
                () -> AcknowledgmentReader.read277CA(sample("277/oopfactory_FromLatitude81uk.x12")));

        assertEquals("damaged ISA segment (segment 1): ISA12 does not have its fixed width (no element separator at column 90)",
                e.getMessage());
    }
}
