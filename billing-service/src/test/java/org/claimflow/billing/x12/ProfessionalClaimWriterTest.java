package org.claimflow.billing.x12;

import static org.claimflow.billing.x12.ClaimFixtures.batch;
import static org.claimflow.billing.x12.ClaimFixtures.line;
import static org.claimflow.billing.x12.ClaimFixtures.officeVisit;
import static org.claimflow.billing.x12.ClaimFixtures.officeVisitBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProfessionalClaimWriterTest {

    private final ProfessionalClaimWriter writer = new ProfessionalClaimWriter();

    /** Written by hand from the TR3 for the office visit fixture: widths, separators and SE01 checked segment by segment. */
    private static final String OFFICE_VISIT_837 = String.join("",
            "ISA*00*          *00*          *ZZ*CLAIMFLOW      *ZZ*CLEARHOUSE01   *240304*0930*^*00501*000000042*0*T*:~",
            "GS*HC*CLAIMFLOW*CLEARHOUSE01*20240304*0930*7*X*005010X222A1~",
            "ST*837*0001*005010X222A1~",
            "BHT*0019*00*BATCH-0042*20240304*0930*CH~",
            "NM1*41*2*CLAIMFLOW BILLING*****46*CLAIMFLOW~",
            "PER*IC*BILLING DESK*TE*6175550100~",
            "NM1*40*2*CLEARING HOUSE*****46*CLEARHOUSE01~",
            "HL*1**20*1~",
            "PRV*BI*PXC*207Q00000X~",
            "NM1*85*2*BABBAGE FAMILY PRACTICE*****XX*1234567893~",
            "N3*1 ANALYTICAL ENGINE WAY*SUITE 2~",
            "N4*BOSTON*MA*021101234~",
            "REF*EI*123456789~",
            "HL*2*1*22*0~",
            "SBR*P*18*******CI~",
            "NM1*IL*1*LOVELACE*ADA*A***MI*ADA1815XYZ~",
            "N3*12 ST JAMES SQ~",
            "N4*BOSTON*MA*02116~",
            "DMG*D8*19851210*F~",
            "NM1*PR*2*ACME HEALTH PLAN*****PI*ACME01~",
            "CLM*PCN-2024-0001*162***11:B:1*Y*A*Y*Y~",
            "HI*ABK:E119*ABF:I10~",
            "NM1*82*1*BABBAGE*CHARLES****XX*1245319599~",
            "PRV*PE*PXC*207Q00000X~",
            "LX*1~",
            "SV1*HC:99213:25*150*UN*1***1:2~",
            "DTP*472*D8*20240301~",
            "REF*6R*PCN-2024-0001-1~",
            "LX*2~",
            "SV1*HC:36415*12*UN*1***1~",
            "DTP*472*D8*20240301~",
            "REF*6R*PCN-2024-0001-2~",
            "SE*31*0001~",
            "GE*1*7~",
            "IEA*1*000000042~");

    @Test
    void writesOfficeVisitExactlyAsTheTr3LaysItOut() throws Exception {
        assertEquals(OFFICE_VISIT_837, writer.write(batch(officeVisit())).content());
    }

    @Test
    void writtenOfficeVisitRereadsThroughStaediWith837SchemaWithoutErrors() throws Exception {
        ClaimFile file = writer.write(batch(officeVisit()));

        assertEquals(List.of(), StaediValidation.errorsAgainst837Schema(file.content()));
    }

    @Test
    void controlNumbersInHeadersAndTrailersAreTheCallers() throws Exception {
        ClaimFile file = writer.write(batch(officeVisit()));
        X12Document document = X12SegmentReader.read(file.content());
        X12Transaction transaction = document.transactions().get(0);

        assertEquals(ClaimFixtures.CONTROL_NUMBERS, file.controlNumbers());
        assertEquals("000000042", transaction.interchangeControlNumber());
        assertEquals("7", transaction.groupControlNumber());
        assertEquals("0001", transaction.controlNumber());
        assertTrue(file.content().endsWith("SE*31*0001~GE*1*7~IEA*1*000000042~"));
        assertEquals(List.of(), document.warnings(), "header and trailer control numbers and counts agree");
    }

    @Test
    void se01EqualsTheRealSegmentCountFromStToSe() throws Exception {
        ClaimFile file = writer.write(batch(officeVisit(), officeVisitBuilder().patient(ClaimFixtures.child())
                .patientControlNumber("PCN-2024-0002").build()));
        X12Transaction transaction = X12SegmentReader.read(file.content()).transactions().get(0);
        String[] segments = file.content().split("~");
        String se = Arrays.stream(segments).filter(s -> s.startsWith("SE*")).findFirst().orElseThrow();

        int realCount = transaction.segments().size() + 2;
        assertEquals(realCount, file.transactionSegmentCount());
        assertEquals("SE*" + realCount + "*0001", se);
    }

    @Test
    void isaIsFixedWidthWithRepetitionSeparatorVersionAndUsageIndicator() throws Exception {
        String isa = writer.write(batch(officeVisit())).content().split("~")[0] + "~";

        assertEquals(106, isa.length());
        String[] elements = isa.substring(0, 105).split("\\*");
        assertEquals("CLAIMFLOW      ", elements[6]);
        assertEquals("CLEARHOUSE01   ", elements[8]);
        assertEquals("^", elements[11]);
        assertEquals("00501", elements[12]);
        assertEquals("000000042", elements[13]);
        assertEquals("T", elements[15]);
        assertEquals(":", elements[16]);
    }

    @Test
    void productionBatchSaysPInIsa15() throws Exception {
        ClaimBatch test = batch(officeVisit());
        ClaimBatch production = new ClaimBatch(test.submitter(), test.receiver(), test.submitterContact(),
                test.controlNumbers(), UsageIndicator.PRODUCTION, test.createdAt(), test.referenceId(), test.claims());

        assertTrue(writer.write(production).content().startsWith(OFFICE_VISIT_837.substring(0, 102) + "P*:~"));
    }

    @Test
    void principalDiagnosisIsAbkAndTheOthersAbfWithoutDots() throws Exception {
        ProfessionalClaim claim = officeVisitBuilder().diagnoses("E11.9", "I10", "Z79.4", "E78.5").build();

        assertTrue(writer.write(batch(claim)).content().contains("~HI*ABK:E119*ABF:I10*ABF:Z794*ABF:E785~"));
    }

    @Test
    void everyServiceLineCarriesItsLineItemControlNumber() throws Exception {
        String content = writer.write(batch(officeVisit())).content();

        assertTrue(content.contains("~LX*1~SV1*HC:99213:25*150*UN*1***1:2~DTP*472*D8*20240301~REF*6R*PCN-2024-0001-1~"));
        assertTrue(content.contains("~LX*2~SV1*HC:36415*12*UN*1***1~DTP*472*D8*20240301~REF*6R*PCN-2024-0001-2~"));
    }

    @Test
    void replacementClaimCarriesFrequency7AndThePayersClaimNumberInRefF8() throws Exception {
        ProfessionalClaim claim = officeVisitBuilder().frequency(ClaimFrequency.REPLACEMENT, "PAYER-ICN-998877").build();
        ClaimFile file = writer.write(batch(claim));

        assertTrue(file.content().contains("~CLM*PCN-2024-0001*162***11:B:7*Y*A*Y*Y~REF*F8*PAYER-ICN-998877~HI*"));
        assertEquals(List.of(), StaediValidation.errorsAgainst837Schema(file.content()));
    }

    @Test
    void voidClaimCarriesFrequency8AndRefF8() throws Exception {
        ProfessionalClaim claim = officeVisitBuilder().frequency(ClaimFrequency.VOID, "PAYER-ICN-998877").build();

        assertTrue(writer.write(batch(claim)).content().contains("*11:B:8*Y*A*Y*Y~REF*F8*PAYER-ICN-998877~"));
    }

    @Test
    void originalClaimHasNoRefF8() throws Exception {
        assertFalse(writer.write(batch(officeVisit())).content().contains("REF*F8"));
    }

    @Test
    void patientWhoIsNotTheSubscriberGetsAPatientLevelUnderTheSubscriber() throws Exception {
        ProfessionalClaim claim = officeVisitBuilder().patient(ClaimFixtures.child()).build();
        String content = writer.write(batch(claim)).content();

        assertTrue(content.contains("~HL*2*1*22*1~SBR*P********CI~NM1*IL*1*LOVELACE*ADA*A***MI*ADA1815XYZ~"
                + "N3*12 ST JAMES SQ~N4*BOSTON*MA*02116~NM1*PR*2*ACME HEALTH PLAN*****PI*ACME01~"
                + "HL*3*2*23*0~PAT*19~NM1*QC*1*LOVELACE*ANNE*ISABELLA~N3*12 ST JAMES SQ~N4*BOSTON*MA*02116~"
                + "DMG*D8*20160912*F~CLM*"), content);
        assertEquals(List.of(), StaediValidation.errorsAgainst837Schema(content));
    }

    @Test
    void claimsOfTwoBillingProvidersHangUnderTheirOwnProviderLevel() throws Exception {
        ProfessionalClaim other = officeVisitBuilder().billingProviderName("ENGINE CLINIC")
                .patientControlNumber("PCN-2024-0002").build();
        ProfessionalClaim third = officeVisitBuilder().patientControlNumber("PCN-2024-0003").build();
        ClaimFile file = writer.write(batch(officeVisit(), other, third));
        List<String> hl = X12SegmentReader.read(file.content()).transactions().get(0).segments().stream()
                .filter(s -> s.tag().equals("HL"))
                .map(s -> s.element(1) + "/" + s.element(2) + "/" + s.element(3))
                .toList();

        assertEquals(List.of("1//20", "2/1/22", "3/1/22", "4//20", "5/4/22"), hl);
        assertEquals(3, file.claimCount());
        assertEquals(List.of(), StaediValidation.errorsAgainst837Schema(file.content()));
    }

    @Test
    void renderingProviderIsLeftOutWhenTheBillingProviderRenderedTheService() throws Exception {
        ProfessionalClaim claim = officeVisitBuilder().renderingProvider(new RenderingProvider(
                PersonName.of("BABBAGE", "CHARLES"), ClaimFixtures.BILLING_NPI, null)).build();

        assertFalse(writer.write(batch(claim)).content().contains("NM1*82"));
    }

    @Test
    void amountsAreWrittenWithoutTrailingZeros() throws Exception {
        ProfessionalClaim claim = officeVisitBuilder().lines(
                line("99213").charge("150.50").pointers(1).controlNumber("A").build(),
                line("36415").charge("12.25").units(new BigDecimal("1.500")).pointers(1).controlNumber("B").build(),
                line("81002").charge("0.00").pointers(2).controlNumber("C").build()).build();
        String content = writer.write(batch(claim)).content();

        assertTrue(content.contains("CLM*PCN-2024-0001*162.75***"), content);
        assertTrue(content.contains("SV1*HC:99213*150.5*UN*1***1~"));
        assertTrue(content.contains("SV1*HC:36415*12.25*UN*1.5***1~"));
        assertTrue(content.contains("SV1*HC:81002*0*UN*1***2~"));
    }

    @ParameterizedTest
    @CsvSource({"150.00, 150", "150.50, 150.5", "150.25, 150.25", "0.00, 0", "1E+2, 100", "0.5, 0.5"})
    void amountIsAnX12RValue(String amount, String expected) {
        assertEquals(expected, ProfessionalClaimWriter.amount(new BigDecimal(amount)));
    }

    static Stream<Arguments> invalidClaims() {
        return Stream.of(
                Arguments.of("bad NPI check digit", officeVisitBuilder().billingNpi("1234567890").build(),
                        "claims[0].billingProvider.npi: is not a valid NPI (ten digits with a Luhn check digit over 80840)"),
                Arguments.of("blank NPI", officeVisitBuilder().billingNpi(" ").build(),
                        "claims[0].billingProvider.npi: is required"),
                Arguments.of("bad rendering NPI", officeVisitBuilder().renderingProvider(new RenderingProvider(
                        PersonName.of("BABBAGE", "CHARLES"), "1245319598", null)).build(),
                        "claims[0].renderingProvider.npi: is not a valid NPI (ten digits with a Luhn check digit over 80840)"),
                Arguments.of("13 diagnoses", officeVisitBuilder().diagnoses("E11.9", "I10", "Z79.4", "E78.5", "J45.909",
                        "M54.5", "K21.9", "F41.1", "G43.909", "N39.0", "R51.9", "L40.0", "H52.4").build(),
                        "claims[0].diagnoses: holds 13 diagnoses; an 837P carries at most 12"),
                Arguments.of("pointer 3 with 2 diagnoses", officeVisitBuilder().lines(
                        line("99213").charge("162.00").pointers(1, 3).build()).build(),
                        "claims[0].lines[0].diagnosisPointers: pointer 3 refers to no diagnosis (the claim has 2)"),
                Arguments.of("five pointers", officeVisitBuilder().diagnoses("E11.9", "I10", "Z79.4", "E78.5", "J45.909")
                        .lines(line("99213").charge("162.00").pointers(1, 2, 3, 4, 5).build()).build(),
                        "claims[0].lines[0].diagnosisPointers: holds 5 pointers; a line points to at most 4"),
                Arguments.of("line without units", officeVisitBuilder().lines(
                        line("99213").charge("162.00").units(null).build()).build(),
                        "claims[0].lines[0].units: is required"),
                Arguments.of("service date after the batch", officeVisitBuilder().lines(
                        line("99213").charge("162.00").serviceDate(LocalDate.of(2024, 3, 5)).build()).build(),
                        "claims[0].lines[0].serviceDate: is after the batch's creation date"),
                Arguments.of("51 lines", officeVisitBuilder().lines(IntStream.rangeClosed(1, 51)
                        .mapToObj(i -> line("36415").charge("1.00").controlNumber("L" + i).build())
                        .toArray(ServiceLine[]::new)).build(),
                        "claims[0].lines: holds 51 lines; an 837P claim carries at most 50"),
                Arguments.of("total differs from the lines", officeVisitBuilder().totalCharge("170.00").build(),
                        "claims[0].totalCharge: is 170.00 but the line charges add up to 162.00"),
                Arguments.of("replacement without the payer's claim number", officeVisitBuilder()
                        .frequency(ClaimFrequency.REPLACEMENT, null).build(),
                        "claims[0].payerClaimControlNumber: is required"),
                Arguments.of("patient control number over 20 characters", officeVisitBuilder()
                        .patientControlNumber("PCN-2024-0001-TOO-LONG").build(),
                        "claims[0].patientControlNumber: must be 1 to 20 characters long"),
                Arguments.of("a delimiter in a name", officeVisitBuilder().billingProviderName("BABBAGE*SONS").build(),
                        "claims[0].billingProvider.organizationName: holds characters X12 cannot carry (only printable ASCII, none of ~ * : ^)"),
                Arguments.of("not an ICD-10-CM code", officeVisitBuilder().diagnoses("E11.9", "250.00").build(),
                        "claims[0].diagnoses[1]: is not an ICD-10-CM code"),
                Arguments.of("more than two decimals", officeVisitBuilder().lines(
                        line("99213").charge("162.005").build()).build(),
                        "claims[0].lines[0].charge: has more than 2 decimals"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidClaims")
    void invalidClaimFailsWithTheProblemAndWritesNothing(String description, ProfessionalClaim claim, String problem) {
        X12ValidationException e = assertThrows(X12ValidationException.class, () -> writer.write(batch(claim)));

        assertTrue(e.problems().contains(problem), () -> description + ": " + e.problems());
    }

    @Test
    void everyProblemOfTheBatchIsListedNotOnlyTheFirst() {
        ProfessionalClaim claim = officeVisitBuilder().billingNpi("1234567890").lines(
                line("99213").charge("162.00").pointers(3).units(null).build()).build();

        X12ValidationException e = assertThrows(X12ValidationException.class, () -> writer.write(batch(claim)));

        assertEquals(List.of(
                "claims[0].billingProvider.npi: is not a valid NPI (ten digits with a Luhn check digit over 80840)",
                "claims[0].lines[0].units: is required",
                "claims[0].lines[0].diagnosisPointers: pointer 3 refers to no diagnosis (the claim has 2)"), e.problems());
    }

    @Test
    void problemsNeverQuoteTheClaimsData() {
        ProfessionalClaim claim = officeVisitBuilder().billingNpi("1234567890").patientControlNumber("PCN-2024-0001-TOO-LONG")
                .build();

        X12ValidationException e = assertThrows(X12ValidationException.class, () -> writer.write(batch(claim)));

        assertFalse(e.getMessage().contains("1234567890"));
        assertFalse(e.getMessage().contains("PCN-2024-0001-TOO-LONG"));
        assertFalse(e.getMessage().contains("LOVELACE"));
    }

    @Test
    void datesTheSchemaCannotAcceptFailTheStaediValidationOnWrite() {
        // Passes the business checks (dates in order) but CCYYMMDD has no room for year 10000.
        LocalDateTime farFuture = LocalDateTime.of(10000, 1, 2, 8, 0);
        ProfessionalClaim claim = officeVisitBuilder().lines(line("99213").charge("162.00")
                .serviceDate(LocalDate.of(10000, 1, 1)).build()).build();
        ClaimBatch valid = batch(claim);
        ClaimBatch batch = new ClaimBatch(valid.submitter(), valid.receiver(), valid.submitterContact(),
                valid.controlNumbers(), valid.usageIndicator(), farFuture, valid.referenceId(), valid.claims());

        X12ValidationException e = assertThrows(X12ValidationException.class, () -> writer.write(batch));

        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("837P ")), () -> e.problems().toString());
    }
}
