package org.claimflow.sandbox.rest;

import static org.claimflow.sandbox.fixtures.SandboxClient.EDI_X12;
import static org.claimflow.sandbox.fixtures.SandboxClient.post270;
import static org.claimflow.sandbox.fixtures.X12Text.find;
import static org.claimflow.sandbox.fixtures.X12Text.lines;
import static org.claimflow.sandbox.fixtures.X12Text.segments;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.claimflow.sandbox.fixtures.Claim837Fixture;
import org.claimflow.sandbox.fixtures.Inquiry270Fixture;
import org.claimflow.sandbox.x12.Segment;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EligibilityResourceTest {

    @Test
    void adaIsActiveWithCopayCoinsuranceDeductibleAndOutOfPocket() {
        List<Segment> response = answer(Inquiry270Fixture.ada().trace("TRACE-ADA"));

        String text = lines(response);
        assertTrue(text.startsWith("ST*271*0001*005010X279A1"), text);
        assertTrue(text.contains("TRN*2*TRACE-ADA*9CLAIMFLOW"), text);
        assertTrue(text.contains("EB*1*IND*30*PR*SANDBOX PPO GOLD"), text);
        assertTrue(text.contains("DTP*346*D8*20260101"), text);
        assertTrue(text.contains("DTP*347*D8*20261231"), text);
        Segment copay = benefit(response, "B", "27");
        assertEquals("25.00", copay.element(7));
        assertEquals("Y", copay.element(12));
        assertEquals(".20", benefit(response, "A", "").element(8));
        assertEquals("500.00", benefit(response, "C", "23").element(7));
        assertEquals("0.00", benefit(response, "C", "29").element(7));
        assertEquals("3000.00", benefit(response, "G", "23").element(7));
        assertEquals("2500.00", benefit(response, "G", "29").element(7));
    }

    @Test
    void graceIsInactiveIn2026() {
        String text = lines(answer(Inquiry270Fixture.grace()));

        assertTrue(text.contains("EB*6*IND*30*PR*"), text);
        assertTrue(text.contains("DTP*347*D8*20251231"), text);
        assertFalse(text.contains("EB*1*"), text);
    }

    @Test
    void graceWasActiveIn2025() {
        assertTrue(lines(answer(Inquiry270Fixture.grace().dateOfService("20250615"))).contains("EB*1*IND*30"));
    }

    @Test
    void medicareCoverageHasNoEndDate() {
        String text = lines(answer(Inquiry270Fixture.katherine()));

        assertTrue(text.contains("EB*1*IND*30*MB*SANDBOX MEDICARE PART B"), text);
        assertTrue(text.contains("DTP*346*D8*20200101"), text);
        assertFalse(text.contains("DTP*347"), text);
    }

    @Test
    void unknownMemberIsAnsweredWithAaa72() {
        String text = lines(answer(Inquiry270Fixture.of("M999999999", "NOBODY", "NO", "19800101")));

        assertTrue(text.contains("AAA*Y**72*C"), text);
        assertFalse(text.contains("EB*"), text);
    }

    @Test
    void birthDateMismatchIsAnsweredWithAaa73() {
        String text = lines(answer(Inquiry270Fixture.ada().birthDate("19800215")));

        assertTrue(text.contains("AAA*Y**73*C"), text);
    }

    @Test
    void memberOfAnotherPayerIsUnknown() {
        String text = lines(answer(Inquiry270Fixture.ada().payer("SANDBOX-MEDICARE")));

        assertTrue(text.contains("AAA*Y**72*C"), text);
    }

    @Test
    void unknownPayerIsAnsweredWithAaa79() {
        String text = lines(answer(Inquiry270Fixture.ada().payer("NOT-A-PAYER")));

        assertTrue(text.contains("AAA*Y**79*C"), text);
    }

    @Test
    void a837SentToTheEligibilityEndpointGetsA999Reject() {
        String text = lines(segments(post270(Claim837Fixture.adaOfficeVisit().build()).then().statusCode(200)
                .extract().asString()));

        assertTrue(text.contains("IK5*R*1"), text);
    }

    private static List<Segment> answer(Inquiry270Fixture inquiry) {
        return segments(post270(inquiry.build()).then().statusCode(200).contentType(startsWith(EDI_X12)).extract().asString());
    }

    private static Segment benefit(List<Segment> response, String code, String period) {
        return find(response, "EB").stream().filter(s -> s.element(1).equals(code) && s.element(6).equals(period))
                .findFirst().orElseThrow(() -> new AssertionError("no EB*" + code + " with EB06 " + period));
    }
}
