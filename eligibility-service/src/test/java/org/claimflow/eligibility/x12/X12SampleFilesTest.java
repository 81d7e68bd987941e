package org.claimflow.eligibility.x12;

import static org.claimflow.eligibility.x12.X12TestSupport.resource;
import static org.claimflow.eligibility.x12.X12TestSupport.schemaErrorsOf270;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public sample files (see samples/SOURCES.md), with the values they hold. */
class X12SampleFilesTest {

    private static final String SAMPLES = "/x12/samples/";

    private final EligibilityResponseReader reader = new EligibilityResponseReader();

    private EligibilityResponse readOne(String file) throws X12ParseException {
        List<EligibilityResponse> responses = reader.read(resource(SAMPLES + file));
        assertEquals(1, responses.size());
        return responses.get(0);
    }

    @Test
    void sample270PassesOurX279A1SchemaWithoutErrors() throws Exception {
        assertEquals(List.of(), schemaErrorsOf270(resource(SAMPLES + "270/oopfactory_Example1_IG.x12")));
    }

    @Test
    void example312IsActiveGoldPlanWithCopaysInAndOutOfNetwork() throws Exception {
        EligibilityResponse response = readOne("271/oopfactory_Example_3_1_2.x12");

        assertEquals(EligibilityStatus.ACTIVE, response.status());
        assertEquals("000000905", response.interchangeControlNumber());
        assertEquals("4321", response.transactionControlNumber());
        assertEquals("10001234", response.referenceId());
        assertEquals("93175-012547", response.traceNumber());
        assertEquals("ABC COMPANY", response.payerName());
        assertEquals("842610001", response.payerId());
        assertEquals("123456789", response.memberId());
        assertEquals("GOLD 123 PLAN", response.planName());
        assertEquals(LocalDate.of(2006, 1, 1), response.planBegin());
        assertNull(response.planEnd());
        assertEquals(5, response.benefits().size());
        assertEquals(List.of("1", "33", "35", "47", "86", "88", "98", "AL", "MH", "UC"),
                response.benefits().get(2).serviceTypeCodes());
        assertEquals(Optional.of(new BigDecimal("10")), response.copay("98", true));
        assertEquals(Optional.of(new BigDecimal("30")), response.copay("98", false));
        assertEquals(Optional.of(new BigDecimal("10")), response.copay("UC", true));
        assertEquals(Optional.empty(), response.copay("30", true));
        assertEquals("HM", response.benefits(BenefitType.COPAYMENT).get(0).insuranceType());
        assertEquals(1, response.benefits(BenefitType.PRIMARY_CARE_PROVIDER).size());
        assertEquals(List.of(), response.errors());
        assertEquals(List.of(), response.warnings());
    }

    @Test
    void example313IsRejectedAtTheProviderWithoutSubscriber() throws Exception {
        EligibilityResponse response = readOne("271/oopfactory_Example_3_1_3.x12");

        assertEquals(EligibilityStatus.REJECTED, response.status());
        assertEquals(List.of(new RequestError("2100B", true, "50", "N")), response.errors());
        assertEquals("Provider ineligible for inquiries", response.errors().get(0).description());
        assertFalse(response.errors().get(0).resubmissionAllowed());
        assertEquals("ABC COMPANY", response.payerName());
        assertEquals("4323", response.transactionControlNumber());
        assertNull(response.memberId());
        assertNull(response.traceNumber());
        assertEquals(List.of(), response.benefits());
    }

    @Test
    void georgiosdSampleIsAnErrorBecauseThePayerCouldNotRespond() throws Exception {
        EligibilityResponse response = readOne("271/oopfactory_From_georgiosd.x12");

        assertEquals(EligibilityStatus.ERROR, response.status());
        assertEquals(List.of(new RequestError("2100C", true, "42", "R")), response.errors());
        assertTrue(response.errors().get(0).temporary());
        assertEquals("000041439", response.interchangeControlNumber());
        assertEquals("41439", response.transactionControlNumber());
        assertEquals("BBBBB", response.payerName());
        assertEquals("00000", response.payerId());
        assertEquals("BBBBB", response.memberId());
        assertEquals(1, response.benefits().size());
        assertEquals("P", response.benefits().get(0).code());
        assertNull(response.planName());
        assertNull(response.traceNumber());
        assertEquals(List.of(), response.warnings());
    }
}
