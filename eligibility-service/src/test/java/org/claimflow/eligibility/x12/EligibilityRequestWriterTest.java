package org.claimflow.eligibility.x12;

import static org.claimflow.eligibility.x12.X12TestSupport.element;
import static org.claimflow.eligibility.x12.X12TestSupport.schemaErrorsOf270;
import static org.claimflow.eligibility.x12.X12TestSupport.segmentStartingWith;
import static org.claimflow.eligibility.x12.X12TestSupport.segments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.claimflow.eligibility.x12.EligibilityInquiry.Provider;
import org.claimflow.eligibility.x12.EligibilityInquiry.Sex;
import org.junit.jupiter.api.Test;

class EligibilityRequestWriterTest {

    private final EligibilityRequestWriter writer = new EligibilityRequestWriter();

    @Test
    void writesInquiryThatPassesTheX279A1SchemaWithoutErrors() throws Exception {
        String edi = writer.write(InquiryFixture.adaLovelace().build());

        assertEquals(List.of(), schemaErrorsOf270(edi));
    }

    @Test
    void writesTheExpectedSegments() throws Exception {
        String edi = writer.write(InquiryFixture.adaLovelace().build());

        assertEquals(List.of(
                "ISA*00*          *00*          *ZZ*CLAIMFLOW      *ZZ*SANDBOX-PPO    *261014*0930*^*00501*000000101*0*T*:",
                "GS*HS*CLAIMFLOW*SANDBOX-PPO*20261014*0930*7*X*005010X279A1",
                "ST*270*0001*005010X279A1",
                "BHT*0022*13*TRACE-0001*20261014*0930",
                "HL*1**20*1",
                "NM1*PR*2*SANDBOX PPO*****PI*SANDBOX-PPO",
                "HL*2*1*21*1",
                "NM1*1P*2*CLAIMFLOW PRACTICE*****XX*1234567893",
                "HL*3*2*22*0",
                "TRN*1*TRACE-0001*9123456789",
                "NM1*IL*1*LOVELACE*ADA****MI*M123456789",
                "DMG*D8*19800214*F",
                "DTP*291*D8*20261014",
                "EQ*30",
                "SE*13*0001",
                "GE*1*7",
                "IEA*1*000000101"), segments(edi));
    }

    @Test
    void isaHasFixedWidthAndDeclaresTheSeparators() throws Exception {
        String edi = writer.write(InquiryFixture.adaLovelace().build());

        assertEquals(106, edi.indexOf('~') + 1);
        assertEquals('*', edi.charAt(3));
        assertEquals('^', edi.charAt(82));
        assertEquals(':', edi.charAt(104));
    }

    @Test
    void countsTransactionSegmentsInSe01AndMatchesControlNumbers() throws Exception {
        String edi = writer.write(InquiryFixture.adaLovelace().serviceTypes("30", "98", "UC").build());

        List<String> all = segments(edi);
        int st = all.indexOf(segmentStartingWith(edi, "ST*"));
        int se = all.indexOf(segmentStartingWith(edi, "SE*"));
        String seSegment = all.get(se);
        assertEquals(String.valueOf(se - st + 1), element(seSegment, 1));
        assertEquals(element(all.get(st), 2), element(seSegment, 2));
        assertEquals(element(segmentStartingWith(edi, "GS*"), 6), element(segmentStartingWith(edi, "GE*"), 2));
        assertEquals(element(segmentStartingWith(edi, "ISA*"), 13), element(segmentStartingWith(edi, "IEA*"), 2));
        assertEquals(List.of(), schemaErrorsOf270(edi));
    }

    @Test
    void writesOneEqPerServiceType() throws Exception {
        String edi = writer.write(InquiryFixture.adaLovelace().serviceTypes("30", "98").build());

        assertEquals(List.of("EQ*30", "EQ*98"), segments(edi).stream().filter(s -> s.startsWith("EQ*")).toList());
    }

    @Test
    void asksForHealthBenefitPlanCoverageWhenNoServiceTypeIsGiven() throws Exception {
        EligibilityInquiry inquiry = InquiryFixture.adaLovelace().build();

        assertEquals(List.of("30"), inquiry.serviceTypeCodes());
        assertTrue(segments(writer.write(inquiry)).contains("EQ*30"));
    }

    @Test
    void writesPersonProviderAsEntityType1() throws Exception {
        String edi = writer.write(InquiryFixture.adaLovelace()
                .provider(Provider.person("HOPPER", "GRACE", "1245319599")).build());

        assertEquals("NM1*1P*1*HOPPER*GRACE****XX*1245319599", segmentStartingWith(edi, "NM1*1P"));
        assertEquals(List.of(), schemaErrorsOf270(edi));
    }

    @Test
    void searchesByNameAndBirthDateWhenThereIsNoMemberId() throws Exception {
        String edi = writer.write(InquiryFixture.adaLovelace()
                .subscriber(null, "LOVELACE", "ADA", LocalDate.of(1980, 2, 14), Sex.UNKNOWN).build());

        assertEquals("NM1*IL*1*LOVELACE*ADA", segmentStartingWith(edi, "NM1*IL"));
        assertEquals("DMG*D8*19800214", segmentStartingWith(edi, "DMG"));
        assertEquals(List.of(), schemaErrorsOf270(edi));
    }

    @Test
    void leavesOutDateOfServiceWhenNotGiven() throws Exception {
        String edi = writer.write(InquiryFixture.adaLovelace().dateOfService(null).build());

        assertTrue(segments(edi).stream().noneMatch(s -> s.startsWith("DTP")));
        assertEquals("12", element(segmentStartingWith(edi, "SE*"), 1));
    }

    @Test
    void schemaFlagsWhatTheImplementationGuideDoesNotAllow() throws Exception {
        String edi = writer.write(InquiryFixture.adaLovelace().build())
                .replace("NM1*IL*1*", "NM1*QC*1*")
                .replace("EQ*30~", "EQ*30~AMT*ZZ*10~");

        List<String> errors = schemaErrorsOf270(edi);

        assertTrue(errors.stream().anyMatch(e -> e.startsWith("IMPLEMENTATION_INVALID_CODE_VALUE at NM1")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("IMPLEMENTATION_INVALID_CODE_VALUE at AMT")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT at SE")), errors.toString());
    }

    @Test
    void rejectsBlankMemberId() {
        X12ValidationException e = assertThrows(X12ValidationException.class, () -> writer.write(
                InquiryFixture.adaLovelace().subscriber("   ", "LOVELACE", "ADA", LocalDate.of(1980, 2, 14), Sex.FEMALE).build()));

        assertEquals(List.of("subscriber.memberId is blank"), e.problems());
    }

    @Test
    void rejectsNpiFailingTheLuhnCheck() {
        X12ValidationException e = assertThrows(X12ValidationException.class, () -> writer.write(
                InquiryFixture.adaLovelace().provider(Provider.organization("CLAIMFLOW PRACTICE", "1234567890")).build()));

        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("provider.npi is not a valid NPI"), e.problems().get(0));
    }

    @Test
    void rejectsMissingBirthDateWhenThereIsNoMemberId() {
        X12ValidationException e = assertThrows(X12ValidationException.class, () -> writer.write(
                InquiryFixture.adaLovelace().subscriber(null, "LOVELACE", "ADA", null, Sex.FEMALE).build()));

        assertEquals(List.of("subscriber.dateOfBirth is required when there is no member id"), e.problems());
    }

    @Test
    void rejectsSeparatorCharactersInNames() {
        X12ValidationException e = assertThrows(X12ValidationException.class, () -> writer.write(
                InquiryFixture.adaLovelace().subscriber("M123456789", "LOVE*LACE", "ADA~", LocalDate.of(1980, 2, 14), Sex.FEMALE)
                        .build()));

        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().stream().allMatch(p -> p.contains("separator")));
    }

    @Test
    void listsEveryProblemAtOnceWithoutQuotingPatientData() {
        EligibilityInquiry inquiry = InquiryFixture.adaLovelace()
                .controlNumbers(0, 7, 1)
                .payer(" ", "SANDBOX-PPO")
                .provider(Provider.organization("CLAIMFLOW PRACTICE", "1234567890"))
                .subscriber("M123456789", "LOVELACE", "ADA", LocalDate.of(2027, 1, 1), Sex.FEMALE)
                .serviceTypes("30", "x", null)
                .build();

        X12ValidationException e = assertThrows(X12ValidationException.class, () -> writer.write(inquiry));

        assertEquals(7, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().contains("dateOfService is before subscriber.dateOfBirth"));
        assertTrue(e.problems().contains("envelope.interchangeControlNumber must be between 1 and 999999999"));
        assertTrue(e.problems().contains("payer.name is blank"));
        assertTrue(e.problems().contains("subscriber.dateOfBirth is in the future"));
        assertTrue(e.problems().contains("serviceTypeCodes[1] must be 1 or 2 upper-case letters or digits"));
        assertTrue(e.problems().contains("serviceTypeCodes[2] must be 1 or 2 upper-case letters or digits"));
        assertFalse(e.getMessage().contains("M123456789"));
        assertFalse(e.getMessage().contains("LOVELACE"));
    }

    @Test
    void rejectsInquiryWithoutSubscriberPayerOrProvider() {
        EligibilityInquiry inquiry = EligibilityInquiry.builder().sender("CLAIMFLOW").receiver("SANDBOX-PPO")
                .controlNumbers(1, 1, 1).trace("T1", "9123456789").build();

        X12ValidationException e = assertThrows(X12ValidationException.class, () -> writer.write(inquiry));

        assertTrue(e.problems().containsAll(List.of("payer is missing", "provider is missing", "subscriber is missing")),
                e.problems().toString());
    }

    @Test
    void derivesTraceOriginatorFromProviderNpiWhenNotGiven() throws Exception {
        String edi = writer.write(InquiryFixture.adaLovelace().trace("TRACE-0002").build());

        assertEquals("TRN*1*TRACE-0002*9123456789", segmentStartingWith(edi, "TRN"));
        assertEquals("TRACE-0002", element(segmentStartingWith(edi, "BHT"), 3));
    }

    @Test
    void inquiryToStringHidesSubscriberData() {
        String text = InquiryFixture.adaLovelace().build().toString();

        assertFalse(text.contains("M123456789"));
        assertFalse(text.contains("LOVELACE"));
        assertFalse(text.contains("1980"));
    }

    @Test
    void writtenInquiryIsNotMistakenForA271() throws Exception {
        String edi = writer.write(InquiryFixture.adaLovelace().build());

        X12ParseException e = assertThrows(X12ParseException.class, () -> new EligibilityResponseReader().read(edi));
        assertTrue(e.getMessage().contains("not a 271"), e.getMessage());
    }
}
