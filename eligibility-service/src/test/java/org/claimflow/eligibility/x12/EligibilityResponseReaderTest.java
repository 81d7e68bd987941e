package org.claimflow.eligibility.x12;

import static org.claimflow.eligibility.x12.Response271Fixture.activeSandboxMember;
import static org.claimflow.eligibility.x12.Response271Fixture.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EligibilityResponseReaderTest {

    private final EligibilityResponseReader reader = new EligibilityResponseReader();

    private EligibilityResponse readOne(String x12) throws X12ParseException {
        List<EligibilityResponse> responses = reader.read(x12);
        assertEquals(1, responses.size());
        return responses.get(0);
    }

    private static Optional<BigDecimal> amount(String value) {
        return Optional.of(new BigDecimal(value));
    }

    @Test
    void readsActiveCoverageWithPlanAndInNetworkCostSharing() throws Exception {
        EligibilityResponse response = readOne(activeSandboxMember().build());

        assertEquals(EligibilityStatus.ACTIVE, response.status());
        assertTrue(response.isActive());
        assertEquals("TRACE-0001", response.traceNumber());
        assertEquals("SANDBOX PPO", response.payerName());
        assertEquals("SANDBOX-PPO", response.payerId());
        assertEquals("M123456789", response.memberId());
        assertEquals("SANDBOX PPO GOLD", response.planName());
        assertEquals(LocalDate.of(2026, 1, 1), response.planBegin());
        assertEquals(LocalDate.of(2026, 12, 31), response.planEnd());
        assertEquals(amount("25.00"), response.copay("30", true));
        assertEquals(amount("0.20"), response.coinsurance("30", true));
        assertEquals(amount("500.00"), response.deductibleTotal("30", true));
        assertEquals(amount("0.00"), response.deductibleRemaining("30", true));
        assertEquals(amount("3000.00"), response.outOfPocketTotal("30", true));
        assertEquals(amount("2750.00"), response.outOfPocketRemaining("30", true));
        assertEquals(List.of(), response.errors());
        assertEquals(List.of(), response.warnings());
    }

    @Test
    void keepsOutOfNetworkAndFamilyFiguresApart() throws Exception {
        EligibilityResponse response = readOne(activeSandboxMember().build());

        assertEquals(amount("60.00"), response.copay("30", false));
        assertEquals(amount("0.40"), response.coinsurance("30", false));
        assertEquals(amount("1500.00"), response.deductibleTotal("30", false));
        assertEquals(Optional.empty(), response.deductibleRemaining("30", false));
        assertEquals(amount("1000.00"), response.deductibleTotal("30", true, CoverageLevel.FAMILY));
        assertEquals(Optional.empty(), response.deductibleRemaining("30", true, CoverageLevel.FAMILY));
        assertEquals(Optional.empty(), response.copay("98", true));
    }

    @Test
    void keepsEveryBenefitWithItsQualifiers() throws Exception {
        EligibilityResponse response = readOne(activeSandboxMember().build());

        assertEquals(11, response.benefits().size());
        Benefit copay = response.benefits(BenefitType.COPAYMENT).get(0);
        assertEquals("B", copay.code());
        assertEquals(CoverageLevel.INDIVIDUAL, copay.coverageLevel());
        assertEquals(List.of("30"), copay.serviceTypeCodes());
        assertEquals(TimePeriod.VISIT, copay.timePeriod());
        assertEquals(Network.IN_NETWORK, copay.network());
        Benefit remaining = response.benefits(BenefitType.DEDUCTIBLE).get(1);
        assertEquals(TimePeriod.REMAINING, remaining.timePeriod());
        assertEquals(0, BigDecimal.ZERO.compareTo(remaining.amount()));
    }

    @Test
    void readsTheSandboxPayerShapesWithoutNetworkIndicator() throws Exception {
        EligibilityResponse response = readOne(response().member("M123456789", "TRACE-0001",
                "EB*1*IND*30**SANDBOX PPO GOLD",
                "EB*B*IND*30***27*25.00",
                "EB*A*IND*30****.20",
                "EB*C*IND*30***23*500.00",
                "EB*C*IND*30***29*0.00").build());

        assertEquals(amount("25.00"), response.copay("30", true));
        assertEquals(amount("0.20"), response.coinsurance("30", true));
        assertEquals(amount("500.00"), response.deductibleTotal("30", true));
        assertEquals(amount("0.00"), response.deductibleRemaining("30", true));
        assertEquals(Network.UNKNOWN, response.benefits().get(1).network());
    }

    @Test
    void readsCoinsuranceRateFromEb08() throws Exception {
        EligibilityResponse response = readOne(response().member("M123456789", "TRACE-0001",
                "EB*1*IND*30", "EB*A*IND*30*****.1*****W").build());

        assertEquals(amount("0.1"), response.coinsurance("30", true));
        assertEquals(amount("0.1"), response.coinsurance("30", false));
        assertNull(response.benefits(BenefitType.COINSURANCE).get(0).amount());
    }

    @Test
    void readsInactiveCoverage() throws Exception {
        EligibilityResponse response = readOne(response()
                .member("M123456789", "TRACE-0001", "EB*6*IND*30**SANDBOX PPO GOLD", "DTP*347*D8*20251231").build());

        assertEquals(EligibilityStatus.INACTIVE, response.status());
        assertFalse(response.isActive());
        assertEquals("SANDBOX PPO GOLD", response.planName());
        assertEquals(LocalDate.of(2025, 12, 31), response.planEnd());
    }

    @Test
    void unknownMemberIdIsNotFound() throws Exception {
        EligibilityResponse response = readOne(response().member("M000000000", "TRACE-0001", "AAA*Y**72*C").build());

        assertEquals(EligibilityStatus.NOT_FOUND, response.status());
        assertEquals(List.of(new RequestError("2100C", true, "72", "C")), response.errors());
        RequestError error = response.errors().get(0);
        assertEquals("Invalid/missing subscriber/insured ID", error.description());
        assertTrue(error.memberNotFound());
        assertTrue(error.resubmissionAllowed());
        assertEquals(List.of(), response.benefits());
    }

    @Test
    void nameOrBirthDateMismatchIsRejected() throws Exception {
        EligibilityResponse response = readOne(response().member("M123456789", "TRACE-0001", "AAA*Y**73*C").build());

        assertEquals(EligibilityStatus.REJECTED, response.status());
        assertEquals("73", response.errors().get(0).rejectReasonCode());
    }

    @Test
    void invalidBirthDateIsRejected() throws Exception {
        EligibilityResponse response = readOne(response().member("M123456789", "TRACE-0001", "AAA*N**58*C").build());

        assertEquals(EligibilityStatus.REJECTED, response.status());
        assertFalse(response.errors().get(0).validRequest());
    }

    @Test
    void payerUnableToRespondIsAnError() throws Exception {
        EligibilityResponse response = readOne(response().member("M123456789", "TRACE-0001", "AAA*Y**42*R").build());

        assertEquals(EligibilityStatus.ERROR, response.status());
        assertTrue(response.errors().get(0).temporary());
    }

    /** Found by EligibilityResponseReaderFuzzTest: an empty REF01 or AAA03 threw NullPointerException. */
    @Test
    void emptyQualifierOrReasonCodeIsReadNotAFailure() throws Exception {
        EligibilityResponse response = readOne(response().member("M123456789", "TRACE-0001", "REF**GRP-100", "AAA*Y***C").build());

        assertNull(response.groupNumber(), "a REF without qualifier is no group number");
        assertEquals(EligibilityStatus.REJECTED, response.status());
        RequestError error = response.errors().get(0);
        assertFalse(error.memberNotFound());
        assertFalse(error.temporary());
        assertTrue(error.resubmissionAllowed());
        assertEquals("No reject reason given", error.description());
    }

    @Test
    void invalidParticipantAtPayerLevelRejectsTheTransactionWithoutMember() throws Exception {
        EligibilityResponse response = readOne(response().payerSegment("AAA*Y**79*N").build());

        assertEquals(EligibilityStatus.REJECTED, response.status());
        assertEquals(List.of(new RequestError("2100A", true, "79", "N")), response.errors());
        assertNull(response.memberId());
        assertEquals("SANDBOX-PPO", response.payerId());
    }

    @Test
    void providerLevelErrorReachesTheSubscriberBelowIt() throws Exception {
        EligibilityResponse response = readOne(response().providerSegment("AAA*Y**51*C")
                .member("M123456789", "TRACE-0001", "EB*1*IND*30").build());

        assertEquals(EligibilityStatus.REJECTED, response.status());
        assertEquals("2100B", response.errors().get(0).loop());
    }

    @Test
    void benefitLevelErrorDoesNotHideActiveCoverage() throws Exception {
        EligibilityResponse response = readOne(response()
                .member("M123456789", "TRACE-0001", "EB*1*IND*30", "EB*1*IND*98", "AAA*Y**53*C").build());

        assertEquals(EligibilityStatus.ACTIVE, response.status());
        assertEquals("2110C", response.errors().get(0).loop());
    }

    @Test
    void readsPlanPeriodFromRangeInTheBenefitLoop() throws Exception {
        EligibilityResponse response = readOne(response()
                .member("M123456789", "TRACE-0001", "EB*1*IND*30**GOLD", "DTP*291*RD8*20260101-20261231").build());

        assertEquals(LocalDate.of(2026, 1, 1), response.planBegin());
        assertEquals(LocalDate.of(2026, 12, 31), response.planEnd());
        assertEquals(LocalDate.of(2026, 1, 1), response.benefits().get(0).periodBegin());
    }

    @Test
    void readsRepeatedServiceTypesAndMessages() throws Exception {
        EligibilityResponse response = readOne(response()
                .member("M123456789", "TRACE-0001", "EB*1*IND*30", "EB*B*IND*98^UC***27*40*****Y", "MSG*PER VISIT").build());

        Benefit copay = response.benefits(BenefitType.COPAYMENT).get(0);
        assertEquals(List.of("98", "UC"), copay.serviceTypeCodes());
        assertEquals(List.of("PER VISIT"), copay.messages());
        assertEquals(amount("40"), response.copay("UC", true));
    }

    @Test
    void returnsOneResponsePerTransactionInFileOrder() throws Exception {
        List<EligibilityResponse> responses = reader.read(response()
                .member("M1", "T1", "EB*1*IND*30")
                .member("M2", "T2", "EB*6*IND*30")
                .member("M3", "T3", "AAA*Y**75*C").build());

        assertEquals(List.of("T1", "T2", "T3"), responses.stream().map(EligibilityResponse::traceNumber).toList());
        assertEquals(List.of(EligibilityStatus.ACTIVE, EligibilityStatus.INACTIVE, EligibilityStatus.NOT_FOUND),
                responses.stream().map(EligibilityResponse::status).toList());
        assertEquals(List.of("0001", "0002", "0003"),
                responses.stream().map(EligibilityResponse::transactionControlNumber).toList());
    }

    @Test
    void readsEveryInterchangeOfTheInput() throws Exception {
        String two = activeSandboxMember().build() + "\n" + response().member("M2", "T2", "EB*6").build();

        List<EligibilityResponse> responses = reader.read(two);

        assertEquals(List.of(EligibilityStatus.ACTIVE, EligibilityStatus.INACTIVE),
                responses.stream().map(EligibilityResponse::status).toList());
    }

    @Test
    void returnsSubscriberAndDependentOfOneTransaction() throws Exception {
        String x12 = response().member("M123456789", "TRACE-0001",
                "EB*1*FAM*30**GOLD",
                "HL*4*3*23*0",
                "TRN*2*TRACE-0002*9123456789",
                "NM1*03*1*LOVELACE*BYRON",
                "EB*6*IND*30").build().replace("HL*3*2*22*0", "HL*3*2*22*1");

        List<EligibilityResponse> responses = reader.read(x12);

        assertEquals(2, responses.size());
        assertFalse(responses.get(0).dependent());
        assertEquals(EligibilityStatus.ACTIVE, responses.get(0).status());
        assertTrue(responses.get(1).dependent());
        assertEquals(EligibilityStatus.INACTIVE, responses.get(1).status());
        assertEquals("M123456789", responses.get(1).memberId());
        assertEquals("TRACE-0002", responses.get(1).traceNumber());
    }

    @Test
    void ignoresNamesOfBenefitRelatedEntities() throws Exception {
        EligibilityResponse response = readOne(response().member("M123456789", "TRACE-0001",
                "EB*1*IND*30", "EB*L", "LS*2120", "NM1*P3*1*JONES*MARCUS****XX*1245319599", "LE*2120").build());

        assertEquals("M123456789", response.memberId());
        assertEquals(EligibilityStatus.ACTIVE, response.status());
    }

    @Test
    void acceptsByteOrderMarkNewlinesAndIndentation() throws Exception {
        byte[] text = activeSandboxMember().withNewlines().build().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        List<EligibilityResponse> responses = reader.read(new ByteArrayInputStream(withBom));

        assertEquals(EligibilityStatus.ACTIVE, responses.get(0).status());
        assertEquals(amount("25.00"), responses.get(0).copay("30", true));
    }

    @Test
    void acceptsOlderX279VersionToo() throws Exception {
        assertEquals(EligibilityStatus.ACTIVE, readOne(activeSandboxMember().version("005010X279").build()).status());
    }

    @Test
    void readsPastWrongSegmentCountWithAWarning() throws Exception {
        EligibilityResponse response = readOne(activeSandboxMember().withWrongSegmentCount(2).build());

        assertEquals(EligibilityStatus.ACTIVE, response.status());
        assertEquals(1, response.warnings().size(), response.warnings().toString());
        assertTrue(response.warnings().get(0).startsWith("SE01"), response.warnings().get(0));
    }

    @Test
    void garbageIsAParseError() {
        X12ParseException e = assertThrows(X12ParseException.class, () -> reader.read("hello, this is not X12"));

        assertTrue(e.getMessage().contains("ISA"), e.getMessage());
    }

    @Test
    void emptyInputIsAParseError() {
        assertThrows(X12ParseException.class, () -> reader.read(""));
        assertThrows(X12ParseException.class, () -> reader.read(" \r\n "));
        assertThrows(X12ParseException.class, () -> reader.read(new byte[0]));
    }

    @Test
    void truncatedInputIsAParseErrorNamingTheSegmentButNotTheData() {
        String full = activeSandboxMember().build();
        String truncated = full.substring(0, full.indexOf("M123456789") + 5);

        X12ParseException e = assertThrows(X12ParseException.class, () -> reader.read(truncated));

        assertEquals("NM1", e.segmentTag());
        assertTrue(e.segmentPosition() > 0);
        assertFalse(e.getMessage().contains("M1234"), e.getMessage());
    }

    @Test
    void everyTruncationOfAValidResponseFailsCleanly() {
        String full = activeSandboxMember().build();
        for (int length = 0; length < full.length() - 1; length++) {
            String truncated = full.substring(0, length);
            assertThrows(X12ParseException.class, () -> reader.read(truncated), "length " + length);
        }
    }

    @Test
    void randomCorruptionEndsInAResultOrAParseErrorOnly() {
        String valid = activeSandboxMember().build();
        String alphabet = "*~:^ \nAZ09.-";
        java.util.Random random = new java.util.Random(271);
        for (int i = 0; i < 500; i++) {
            StringBuilder corrupted = new StringBuilder(valid);
            for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                int at = random.nextInt(corrupted.length());
                if (random.nextBoolean()) {
                    corrupted.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                } else {
                    corrupted.deleteCharAt(at);
                }
            }
            try {
                reader.read(corrupted.toString());
            } catch (X12ParseException expected) {
                assertFalse(expected.getMessage().contains("M123456789"), expected.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("Corruption " + i + " escaped as " + e, e);
            }
        }
    }

    @Test
    void brokenIsaHeaderIsAParseError() {
        String full = activeSandboxMember().build();

        assertThrows(X12ParseException.class, () -> reader.read(full.replaceFirst("\\*00501\\*", "*0501*")));
    }

    @Test
    void textAfterTheInterchangeIsAParseError() {
        assertThrows(X12ParseException.class, () -> reader.read(activeSandboxMember().build() + "garbage"));
    }

    @Test
    void invalidAmountIsAParseErrorNamingTheElement() {
        X12ParseException e = assertThrows(X12ParseException.class, () -> reader.read(response()
                .member("M123456789", "TRACE-0001", "EB*B*IND*30***27*25,00").build()));

        assertEquals("EB", e.segmentTag());
        assertTrue(e.getMessage().startsWith("EB07 is not a decimal number"), e.getMessage());
    }

    @Test
    void invalidDateIsAParseError() {
        X12ParseException e = assertThrows(X12ParseException.class, () -> reader.read(response()
                .member("M123456789", "TRACE-0001", "DTP*346*D8*20261341", "EB*1*IND*30").build()));

        assertEquals("DTP", e.segmentTag());
    }

    @Test
    void hierarchicalParentThatDoesNotExistIsAParseError() {
        String x12 = activeSandboxMember().build().replace("HL*3*2*22*0", "HL*3*9*22*0");

        X12ParseException e = assertThrows(X12ParseException.class, () -> reader.read(x12));

        assertEquals("HL", e.segmentTag());
    }

    @Test
    void otherVersionIsAParseError() {
        X12ParseException e = assertThrows(X12ParseException.class,
                () -> reader.read(activeSandboxMember().version("004010X092A1").build()));

        assertTrue(e.getMessage().contains("004010X092A1"), e.getMessage());
    }

    @Test
    void responseToStringHidesTheMemberId() throws Exception {
        assertFalse(readOne(activeSandboxMember().build()).toString().contains("M123456789"));
    }
}
