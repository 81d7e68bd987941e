package org.claimflow.billing.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RemittanceReaderTest {

    private static X12Result<Remittance> sample;

    @BeforeAll
    static void readSample() throws Exception {
        try (InputStream in = RemittanceReaderTest.class.getResourceAsStream("/x12/samples/835/oopfactory_ExampleFromNth.x12")) {
            sample = RemittanceReader.read(in);
        }
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    @Test
    void readsEveryInterchangeOfTheSampleFile() {
        List<Remittance> remittances = sample.documents();

        assertEquals(List.of("000000031", "000000032", "000000033"),
                remittances.stream().map(Remittance::interchangeControlNumber).toList());
        assertEquals(List.of("8001", "9001", "10001"),
                remittances.stream().map(Remittance::transactionControlNumber).toList());
        assertEquals(List.of(19, 23, 14), remittances.stream().map(r -> r.claims().size()).toList());
        assertEquals(List.of(), sample.warnings());
    }

    @Test
    void readsThePaymentOfEachRemittance() {
        Remittance first = sample.documents().get(0);

        assertEquals(new RemittancePayment("I", amount("999.99"), "C", "ACH", LocalDate.of(2012, 2, 1)), first.payment());
        assertEquals(amount("9999.99"), sample.documents().get(1).payment().totalAmount());
        assertEquals(amount("482.13"), sample.documents().get(2).payment().totalAmount());
        assertEquals("999999999", first.traceNumber());
        assertEquals("9999999999", first.originatingCompanyId());
        assertEquals(LocalDate.of(2012, 1, 28), first.productionDate());
        assertEquals("MMISNEBR", first.senderId());
        assertEquals("WWWWW", first.receiverId());
    }

    @Test
    void readsPayerAndPayeeWithTheirIdentifiers() {
        Remittance first = sample.documents().get(0);
        Remittance third = sample.documents().get(2);

        assertEquals("XXXXXXXX XXXXXXXX", first.payerName());
        assertNull(first.payerId(), "the sample has no REF*2U");
        assertEquals("XXX,XXXXXXXX", first.payeeName());
        assertEquals("9999999999", first.payeeNpi());
        assertEquals("FI", third.payeeIdQualifier());
        assertNull(third.payeeNpi(), "N1*PE identified by tax id, not NPI");
    }

    @Test
    void readsTheFirstClaimWithItsServiceLines() {
        ClaimPayment claim = sample.documents().get(0).claims().get(0);

        assertEquals("9999999999-999", claim.patientControlNumber());
        assertEquals("4", claim.statusCode());
        assertEquals(amount("999.99"), claim.chargeAmount());
        assertEquals(BigDecimal.ZERO, claim.paidAmount());
        assertEquals(BigDecimal.ZERO, claim.patientResponsibilityAmount());
        assertEquals("MC", claim.filingIndicatorCode());
        assertEquals("99999999999", claim.payerClaimControlNumber());
        assertEquals("11", claim.facilityCode());
        assertEquals("1", claim.frequencyCode());
        assertEquals(LocalDate.of(2012, 1, 16), claim.statementFrom());
        assertEquals(LocalDate.of(2012, 1, 16), claim.statementTo());
        assertEquals(LocalDate.of(2012, 1, 27), claim.receivedDate());
        assertEquals(2, claim.serviceLines().size());

        ServiceLinePayment line = claim.serviceLines().get(1);
        assertEquals("HC", line.procedureQualifier());
        assertEquals("90716", line.procedureCode());
        assertEquals(amount("99.99"), line.chargeAmount());
        assertEquals(BigDecimal.ZERO, line.paidAmount());
        assertEquals(amount("9.999"), line.units());
        assertEquals(LocalDate.of(2012, 1, 16), line.serviceDate());
        assertEquals(List.of(new Adjustment("CO", "24", amount("99.99"), BigDecimal.ZERO)), line.adjustments());
        assertEquals("999X999999999999999999", line.lineItemControlNumber());
        assertEquals(List.of("N1"), line.remarkCodes());
    }

    @Test
    void readsEveryTripletOfACasSegment() {
        // CAS*CO*23*999.99*0*29*999.99*0*45*-999.99*0 on the only line of the 13th claim of the third remittance.
        ClaimPayment claim = sample.documents().get(2).claims().get(12);

        assertEquals("4", claim.statusCode());
        assertEquals(List.of(
                new Adjustment("CO", "23", amount("999.99"), BigDecimal.ZERO),
                new Adjustment("CO", "29", amount("999.99"), BigDecimal.ZERO),
                new Adjustment("CO", "45", amount("-999.99"), BigDecimal.ZERO)),
                claim.serviceLines().get(0).adjustments());
    }

    @Test
    void keepsAmountsExactlyAsWritten() {
        ServiceLinePayment line = sample.documents().get(2).claims().get(3).serviceLines().get(1);

        assertEquals("3.6", line.paidAmount().toPlainString());
        assertEquals(List.of("81002"), List.of(line.procedureCode()));
    }

    @Test
    void keepsThePatientNameButNeverPrintsIt() {
        ClaimPayment claim = sample.documents().get(0).claims().get(0);

        assertEquals("DAK", claim.patientName().lastName());
        assertFalse(claim.toString().contains("DAK"));
        assertTrue(claim.toString().contains("PersonName[redacted]"));
    }

    @Test
    void readsClaimAndLineDetailsOfABalancedRemittance() throws Exception {
        Remittance remittance = RemittanceReader.read(RemittanceFixtures.balanced().build()).documents().get(0);
        ClaimPayment paid = remittance.claims().get(0);
        ServiceLinePayment officeVisit = paid.serviceLines().get(0);
        ServiceLinePayment venipuncture = paid.serviceLines().get(1);

        assertEquals("ACME01", remittance.payerId());
        assertEquals("1234567893", remittance.payeeNpi());
        assertEquals(List.of("MA01", "MA18"), paid.remarkCodes());
        assertEquals(List.of("25"), officeVisit.modifiers());
        assertEquals(List.of(
                new Adjustment("CO", "45", amount("15"), null),
                new Adjustment("CO", "253", amount("5"), null),
                new Adjustment("PR", "2", amount("30"), null)), officeVisit.adjustments());
        assertEquals(amount("130"), officeVisit.allowedAmount());
        assertEquals(BigDecimal.ONE, venipuncture.units(), "SVC05 absent means one unit");
        assertEquals(List.of("M15"), venipuncture.remarkCodes());
        assertEquals(List.of(new Adjustment("CO", "29", amount("80"), null)), remittance.claims().get(1).adjustments());
        assertEquals(List.of(), remittance.claims().get(1).serviceLines());
    }

    @Test
    void readsEveryPairOfAProviderLevelAdjustment() throws Exception {
        Remittance remittance = RemittanceReader.read(RemittanceFixtures.balanced().build()).documents().get(0);

        assertEquals(List.of(
                new ProviderAdjustment("1234567893", LocalDate.of(2024, 12, 31), "L6", "PCN-2024-0001", amount("-2.5")),
                new ProviderAdjustment("1234567893", LocalDate.of(2024, 12, 31), "WO", "OVERPAY-77", amount("10"))),
                remittance.providerAdjustments());
    }

    @Test
    void amountThatIsNotANumberFailsNamingTheSegment() {
        String x12 = RemittanceFixtures.balanced().replace("CLP*PCN-2024-0002", "CLP*PCN-2024-0002*4*80*ZERO*0").build();

        X12ParseException e = assertThrows(X12ParseException.class, () -> RemittanceReader.read(x12));

        assertEquals("CLP (segment 30) element 04 is not a decimal number", e.getMessage());
        assertEquals(30, e.segmentPosition());
    }

    /** Found by RemittanceReaderFuzzTest: a stray component separator made an empty code pass for one. */
    @Test
    void strayComponentSeparatorIsNotAClaimNumberOrARemarkCode() throws Exception {
        String emptyPatientControlNumber = RemittanceFixtures.balanced()
                .replace("CLP*PCN-2024-0002", "CLP*:PCN-2024-0002*4*80*0*0").build();
        X12ParseException e = assertThrows(X12ParseException.class, () -> RemittanceReader.read(emptyPatientControlNumber));
        assertEquals("CLP (segment 30) element 01 (patient control number) is required but empty", e.getMessage());

        String strayInRemark = RemittanceFixtures.balanced().replace("MOA*", "MOA***MA01*:MA18").build();
        assertEquals(List.of("MA01"), RemittanceReader.read(strayInRemark).documents().get(0).claims().get(0).remarkCodes());
    }

    @Test
    void serviceLineBeforeAnyClaimFailsNamingTheSegment() {
        String x12 = RemittanceFixtures.remittance().segment("SVC*HC:99213*10*10").build();

        X12ParseException e = assertThrows(X12ParseException.class, () -> RemittanceReader.read(x12));

        assertEquals("SVC (segment 13) is outside a claim: no CLP before it", e.getMessage());
    }

    @Test
    void nonRemittanceTransactionsAreSkippedWithAWarning() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/x12/samples/999/staedi_simple999.x12")) {
            X12Result<Remittance> result = RemittanceReader.read(in);

            assertEquals(List.of(), result.documents());
            assertEquals(List.of("transaction 999 2870001 (ST at segment 3) skipped: not a 835",
                    "the file holds no 835 transaction"), result.warnings());
        }
    }
}
