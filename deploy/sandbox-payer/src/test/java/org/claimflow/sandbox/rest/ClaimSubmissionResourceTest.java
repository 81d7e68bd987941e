package org.claimflow.sandbox.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.sandbox.fixtures.SandboxClient.EDI_X12;
import static org.claimflow.sandbox.fixtures.SandboxClient.mailboxIds;
import static org.claimflow.sandbox.fixtures.SandboxClient.newFile;
import static org.claimflow.sandbox.fixtures.SandboxClient.newMailboxItems;
import static org.claimflow.sandbox.fixtures.SandboxClient.post837;
import static org.claimflow.sandbox.fixtures.SandboxClient.submit;
import static org.claimflow.sandbox.fixtures.X12Text.find;
import static org.claimflow.sandbox.fixtures.X12Text.line;
import static org.claimflow.sandbox.fixtures.X12Text.lines;
import static org.claimflow.sandbox.fixtures.X12Text.segments;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimflow.sandbox.fixtures.Claim837Fixture;
import org.claimflow.sandbox.fixtures.Claim837Fixture.ClaimSpec;
import org.claimflow.sandbox.fixtures.X12Text;
import org.claimflow.sandbox.x12.Interchange;
import org.claimflow.sandbox.x12.Segment;
import org.claimflow.sandbox.x12.TransactionSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClaimSubmissionResourceTest {

    @Test
    void acceptsAdaOfficeVisitAndQueuesA277caAndABalanced835() {
        Set<String> before = mailboxIds();
        Claim837Fixture fixture = Claim837Fixture.adaOfficeVisit();

        String ack = post837(fixture.build()).then().statusCode(200).contentType(startsWith(EDI_X12)).extract().asString();

        String ackLines = lines(segments(ack));
        assertTrue(ackLines.contains("AK1*HC*" + fixture.controlNumber() + "*005010X222A1"), ackLines);
        assertTrue(ackLines.contains("IK5*A"), ackLines);
        assertTrue(ackLines.contains("AK9*A*1*1*1"), ackLines);
        List<Map<String, Object>> items = newMailboxItems(before);
        assertEquals(List.of("277CA", "835"), items.stream().map(i -> i.get("type")).toList());

        List<Segment> claimAck = segments(newFile(before, "277CA"));
        Segment status = find(claimAck, "STC").get(1);
        assertEquals("A1", status.component(1, 1));
        assertEquals("20", status.component(1, 2));
        String payerClaimNumber = find(claimAck, "REF").get(0).element(2);
        assertTrue(payerClaimNumber.matches("SBX\\d{12}"), payerClaimNumber);

        String remittance = newFile(before, "835");
        Interchange interchange = X12Text.readValid(remittance);
        interchange.groups().forEach(g -> g.transactions().forEach(X12Text::assertBalanced));
        String remit = lines(segments(remittance));
        String pcn = find(segments(remittance), "CLP").get(0).element(1);
        assertTrue(remit.contains("BPR*I*53.60*C*ACH"), remit);
        assertTrue(remit.contains("TRN*1*EFT"), remit);
        assertTrue(remit.contains("CLP*" + pcn + "*1*150.00*53.60*38.40*12*" + payerClaimNumber + "*11*1"), remit);
        assertTrue(remit.contains("SVC*HC:99213*150.00*53.60**1"), remit);
        assertTrue(remit.contains("CAS*CO*45*58.00"), remit);
        assertTrue(remit.contains("CAS*PR*3*25.00**2*13.40"), remit);
        assertTrue(remit.contains("REF*6R*" + pcn + "-1"), remit);
        assertTrue(remit.contains("AMT*B6*92.00"), remit);
        assertTrue(remit.contains("N1*PE*SANDBOX FAMILY PRACTICE*XX*1234567893"), remit);
    }

    @Test
    void deniesEveryLineOfAnInactiveMemberWithCo27() {
        Set<String> before = mailboxIds();

        submit(Claim837Fixture.graceOfficeVisit().build());

        List<Segment> claimAck = segments(newFile(before, "277CA"));
        assertEquals("A1", find(claimAck, "STC").get(1).component(1, 1), "coverage is a denial, not a rejection");
        String remittance = newFile(before, "835");
        X12Text.readValid(remittance).groups().forEach(g -> g.transactions().forEach(X12Text::assertBalanced));
        String remit = lines(segments(remittance));
        Segment clp = find(segments(remittance), "CLP").get(0);
        assertEquals("4", clp.element(2), line(clp));
        assertEquals("0.00", clp.element(4));
        assertTrue(remit.contains("CAS*CO*27*150.00"), remit);
        assertTrue(remit.contains("BPR*H*0.00*C*NON"), remit);
    }

    @Test
    void sameInterchangeAgainGetsTheSame999AndQueuesNothing() {
        String x12 = Claim837Fixture.adaOfficeVisit().build();
        String first = submit(x12);
        Set<String> before = mailboxIds();

        String second = submit(x12);

        assertEquals(first, second);
        assertEquals(List.of(), newMailboxItems(before));
    }

    @Test
    void rejectsClaimWithInvalidBillingNpiAtTheFrontDoor() {
        Set<String> before = mailboxIds();

        String ack = submit(Claim837Fixture.adaOfficeVisit().billingNpi("1234567890").build());

        assertTrue(lines(segments(ack)).contains("AK9*A*1*1*1"), "syntax is fine");
        Segment status = find(segments(newFile(before, "277CA")), "STC").get(1);
        assertEquals("A3:562:85", String.join(":", status.components(1)));
        assertEquals("U", status.element(3));
        assertEquals(List.of("277CA"), newMailboxItems(before).stream().map(i -> i.get("type")).toList(),
                "no 835 for a file without accepted claims");
    }

    @Test
    void rejectsClaimWhoseTotalIsNotTheSumOfItsLines() {
        Set<String> before = mailboxIds();

        submit(Claim837Fixture.interchange().claim(ClaimSpec.of("SANDBOX-PPO", Claim837Fixture.ADA, "LOVELACE", "ADA")
                .line("99213", "150.00", "1", "20260310").total("100.00")).build());

        Segment status = find(segments(newFile(before, "277CA")), "STC").get(1);
        assertEquals("A3:400", String.join(":", status.components(1)));
    }

    @Test
    void acknowledgesEveryClaimOfAFileAndRemitsOnlyTheAcceptedOnes() {
        Set<String> before = mailboxIds();

        submit(Claim837Fixture.interchange()
                .claim(ClaimSpec.of("SANDBOX-PPO", Claim837Fixture.ADA, "LOVELACE", "ADA").line("99213", "150.00", "1", "20260310"))
                .claim(ClaimSpec.of("SANDBOX-PPO", "", "NOBODY", "NO").line("99213", "150.00", "1", "20260310"))
                .claim(ClaimSpec.of("SANDBOX-MEDICARE", Claim837Fixture.KATHERINE, "JOHNSON", "KATHERINE")
                        .line("99213", "150.00", "1", "20260310"))
                .build());

        List<Segment> stcs = find(segments(newFile(before, "277CA")), "STC");
        assertEquals(List.of("A1:20", "A1:20", "A3:164:IL", "A1:20"),
                stcs.stream().map(s -> String.join(":", s.components(1))).toList());
        Interchange remittance = X12Text.readValid(newFile(before, "835"));
        List<TransactionSet> sets = remittance.groups().get(0).transactions();
        assertEquals(2, sets.size(), "one 835 transaction set per payer");
        sets.forEach(X12Text::assertBalanced);
        String medicare = lines(sets.get(1).segments());
        assertTrue(medicare.contains("*MB*"), medicare);
        assertTrue(medicare.contains("AMT*B6*87.40"), medicare);
    }

    @Test
    void voidReversesTheOriginalAdjudication() {
        Set<String> before = mailboxIds();
        submit(Claim837Fixture.adaOfficeVisit().build());
        Segment original = find(segments(newFile(before, "835")), "CLP").get(0);
        Set<String> beforeVoid = mailboxIds();

        submit(Claim837Fixture.interchange().claim(ClaimSpec.of("SANDBOX-PPO", Claim837Fixture.ADA, "LOVELACE", "ADA")
                .line("99213", "150.00", "1", "20260310").patientControlNumber(original.element(1))
                .adjusting("8", original.element(7))).build());

        String remittance = newFile(beforeVoid, "835");
        X12Text.readValid(remittance).groups().forEach(g -> g.transactions().forEach(X12Text::assertBalanced));
        List<Segment> clps = find(segments(remittance), "CLP");
        assertEquals(1, clps.size());
        assertEquals("CLP*" + original.element(1) + "*22*-150.00*-53.60*-38.40*12*" + original.element(7) + "*11*1",
                line(clps.get(0)));
        String remit = lines(segments(remittance));
        assertTrue(remit.contains("BPR*H*0.00"), remit);
        assertTrue(remit.contains("PLB*1234567893*"), remit);
        assertTrue(remit.contains("*FB:" + original.element(7) + "*-53.60"), remit);
    }

    @Test
    void replacementReversesTheOriginalAndAdjudicatesTheNewClaim() {
        Set<String> before = mailboxIds();
        submit(Claim837Fixture.adaOfficeVisit().build());
        Segment original = find(segments(newFile(before, "835")), "CLP").get(0);
        Set<String> beforeReplacement = mailboxIds();

        submit(Claim837Fixture.interchange().claim(ClaimSpec.of("SANDBOX-PPO", Claim837Fixture.ADA, "LOVELACE", "ADA")
                .line("99214", "200.00", "1", "20260310").patientControlNumber(original.element(1))
                .adjusting("7", original.element(7))).build());

        String remittance = newFile(beforeReplacement, "835");
        X12Text.readValid(remittance).groups().forEach(g -> g.transactions().forEach(X12Text::assertBalanced));
        List<Segment> clps = find(segments(remittance), "CLP");
        assertEquals(List.of("22", "1"), clps.stream().map(s -> s.element(2)).toList());
        assertEquals(original.element(7), clps.get(0).element(7));
        // 99214: allowed 131.00, copay 25.00, coinsurance 21.20, paid 84.80; net with the reversal 31.20
        assertEquals("84.80", clps.get(1).element(4));
        assertTrue(lines(segments(remittance)).contains("BPR*I*31.20"));
        Set<String> beforeSecondVoid = mailboxIds();

        submit(Claim837Fixture.interchange().claim(ClaimSpec.of("SANDBOX-PPO", Claim837Fixture.ADA, "LOVELACE", "ADA")
                .line("99213", "150.00", "1", "20260310").adjusting("8", original.element(7))).build());

        Segment status = find(segments(newFile(beforeSecondVoid, "277CA")), "STC").get(1);
        assertEquals("A3", status.component(1, 1), "an already reversed claim cannot be voided again");
    }

    @Test
    void deniesAnEcgPointedAtAnUnsupportingDiagnosisWithCo11AndPaysTheCorrectedReplacement() {
        Set<String> before = mailboxIds();
        // E11.9 (diabetes) does not support 93000 under the sandbox's coverage policy; I10 (hypertension) does.
        submit(Claim837Fixture.interchange().claim(ClaimSpec.of("SANDBOX-PPO", Claim837Fixture.DIJKSTRA, "DIJKSTRA", "EDSGER")
                .diagnoses("E119", "I10").line("99213", "150.00", "1", "20260310", "1:2").line("93000", "40.00", "1", "20260310", "1"))
                .build());
        String remittance = newFile(before, "835");
        X12Text.readValid(remittance).groups().forEach(g -> g.transactions().forEach(X12Text::assertBalanced));
        Segment original = find(segments(remittance), "CLP").get(0);
        assertEquals("1", original.element(2), "one line paid: the claim is not denied as a whole");
        String remit = lines(segments(remittance));
        assertTrue(remit.contains("SVC*HC:93000*40.00*0.00**1"), remit);
        assertTrue(remit.contains("CAS*CO*11*40.00"), remit);
        Set<String> beforeReplacement = mailboxIds();

        submit(Claim837Fixture.interchange().claim(ClaimSpec.of("SANDBOX-PPO", Claim837Fixture.DIJKSTRA, "DIJKSTRA", "EDSGER")
                .diagnoses("E119", "I10").line("99213", "150.00", "1", "20260310", "1:2").line("93000", "40.00", "1", "20260310", "2")
                .adjusting("7", original.element(7))).build());

        String corrected = lines(segments(newFile(beforeReplacement, "835")));
        assertTrue(corrected.contains("SVC*HC:93000*40.00*17.00**1"), corrected);
        assertTrue(corrected.contains("CAS*CO*11*-40.00"), "the reversal of the original takes back its denial: " + corrected);
        assertTrue(!corrected.contains("CAS*CO*11*40.00"), "the replacement line is not denied again: " + corrected);
    }

    @Test
    void wrongSegmentCountRejectsTheTransactionSetIn999() {
        Set<String> before = mailboxIds();

        String ack = submit(Claim837Fixture.adaOfficeVisit().segmentCount(99).build());

        String ackLines = lines(segments(ack));
        assertTrue(ackLines.contains("IK5*R*4"), ackLines);
        assertTrue(ackLines.contains("AK9*R*1*1*0"), ackLines);
        assertEquals(List.of(), newMailboxItems(before));
    }

    @Test
    void missingDateOfServiceIsReportedAsMissingSegment() {
        String ack = submit(Claim837Fixture.adaOfficeVisit().withoutDatesOfService().build());

        String ackLines = lines(segments(ack));
        assertTrue(ackLines.matches("(?s).*IK3\\*DTP\\*\\d+\\*2400\\*3.*"), ackLines);
        assertTrue(ackLines.contains("IK5*R*5"), ackLines);
    }

    @Test
    void answersTheImswebSampleWithA999ThatReportsItsDefects() throws IOException {
        Set<String> before = mailboxIds();
        String sample;
        try (InputStream in = getClass().getResourceAsStream("/x12-samples/imsweb_x12_valid.x12")) {
            sample = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }

        String ack = post837(sample).then().statusCode(200).contentType(startsWith(EDI_X12)).extract().asString();

        String ackLines = lines(segments(ack));
        assertTrue(ackLines.contains("AK2*837*987654*005010X222A1"), ackLines);
        assertTrue(ackLines.matches("(?s).*IK5\\*R\\*4.*"), "SE01 count is wrong: " + ackLines);
        assertTrue(ackLines.contains("IK4*1*628*7*2"), "HL*2 used twice: " + ackLines);
        assertTrue(ackLines.contains("AK9*R*1*1*0"), ackLines);
        assertEquals(List.of(), newMailboxItems(before));
    }

    @Test
    void unreadableBodyIsA400Problem() {
        post837("this is not X12").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("/problems/invalid-x12")).body("status", equalTo(400));
    }

    @Test
    void truncatedInterchangeIsA400Problem() {
        String x12 = Claim837Fixture.adaOfficeVisit().build();
        post837(x12.substring(0, x12.indexOf("CLM*"))).then().statusCode(400)
                .body("type", equalTo("/problems/invalid-x12"));
    }

    @Test
    void bodyOverFiveMegabytesIsA413Problem() {
        String big = "ISA" + "X".repeat(5 * 1024 * 1024);
        post837(big).then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("/problems/payload-too-large"));
    }

    @Test
    void acceptsPlainTextAndRefusesJson() {
        given().contentType("text/plain").body(Claim837Fixture.adaOfficeVisit().build()).post("/x12/837")
                .then().statusCode(200);
        given().contentType("application/json").body("{}").post("/x12/837")
                .then().statusCode(415).contentType(startsWith("application/problem+json")).body("status", equalTo(415));
    }
}
