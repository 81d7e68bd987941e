package org.claimflow.denial.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.denial.support.RoutedDenials.post;
import static org.claimflow.denial.support.RoutedDenials.route;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class AppealTest {

    private static String draft(String denialId, String reason, List<String> attachments) {
        return post("/api/v1/denials/" + denialId + "/appeals", "ana", Map.of("reason", reason, "attachments", attachments))
                .statusCode(201).extract().path("id");
    }

    @Test
    void draftsAMedicareAppealAsARedeterminationDueWithinTheDenialsDeadline() {
        ClaimAdjudicatedFixture remittance = ClaimAdjudicatedFixture.lineDenied("CO", "197").payer("SANDBOX-MEDICARE");
        String denialId = route(remittance);
        String location = post("/api/v1/denials/" + denialId + "/appeals", "ana",
                Map.of("reason", "Authorization 12345 was obtained before the visit.", "attachments", List.of("authorization.pdf")))
                .statusCode(201)
                .header("Location", containsString("/api/v1/appeals/"))
                .body("level", equalTo("REDETERMINATION"))
                .body("status", equalTo("DRAFT"))
                .body("deadline", equalTo(remittance.remittanceDate().plusDays(125).toString()))
                .body("submittedOn", nullValue())
                .extract().header("Location");
        given().get(location).then().statusCode(200).body("denialId", equalTo(denialId)).body("createdBy", equalTo("ana"));
        given().get("/api/v1/denials/" + denialId).then()
                .body("status", equalTo("IN_PROGRESS"))
                .body("history.kind", org.hamcrest.Matchers.contains("ROUTED", "STATUS_CHANGED", "APPEAL_DRAFTED"));
    }

    @Test
    void draftsACommercialAppealAtTheFirstLevelWithThePayersWindow() {
        ClaimAdjudicatedFixture remittance = ClaimAdjudicatedFixture.lineDenied("CO", "50");
        String denialId = route(remittance);
        post("/api/v1/denials/" + denialId + "/appeals", "ana", Map.of("reason", "Medically necessary, see notes."))
                .statusCode(201)
                .body("level", equalTo("FIRST_LEVEL"))
                .body("deadline", equalTo(remittance.remittanceDate().plusDays(180).toString()));
    }

    @Test
    void writesTheLetterWithClaimCodesAndDescriptionsAmountReasonAttachmentsAndDeadline() {
        ClaimAdjudicatedFixture remittance = ClaimAdjudicatedFixture.lineDenied("CO", "96", "N130");
        String denialId = route(remittance);
        Map<String, Object> denial = given().get("/api/v1/denials/" + denialId).then().extract().jsonPath().getMap("");
        String appealId = draft(denialId, "The service is covered under section 4.2 of the plan <b>document</b>.",
                List.of("visit-notes.pdf", "plan-section-4.2.pdf"));

        String html = given().accept("text/html").get("/api/v1/appeals/" + appealId + "/letter").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertContains(html, "Request for first-level appeal");
        // Letterhead, patient and member id as billing reported them with the claim.
        assertContains(html, "<span>Demo Clinic</span><br/><span>1 Main St</span><br/><span>Springfield, IL 62701</span><br/>"
                + "<span>NPI 1234567893</span>");
        assertContains(html, "Patient: Ada Lovelace, date of birth 1980-02-14");
        assertContains(html, "Member id: M123456789");
        assertContains(html, (String) denial.get("patientControlNumber"));
        assertContains(html, (String) denial.get("payerClaimControlNumber"));
        assertContains(html, "<tr class=\"line\"><td>2</td><td>71046</td><td>CO-96, N130</td><td>250.00</td></tr>");
        assertContains(html, "<td>CARC</td><td>96</td><td>Non-covered charge(s).");
        assertContains(html, "<td>RARC</td><td>N130</td><td>Consult plan benefit documents");
        assertContains(html, "<td>GROUP</td><td>CO</td><td>Contractual Obligations</td>");
        assertContains(html, "<td id=\"amount\">250.00</td>");
        assertContains(html, "<td id=\"deadline\">" + remittance.remittanceDate().plusDays(180) + "</td>");
        assertContains(html, "<li>visit-notes.pdf</li>");
        // The reason is the user's text: printed, never interpreted as markup.
        assertContains(html, "section 4.2 of the plan &lt;b&gt;document&lt;/b&gt;.");
    }

    @Test
    void saysPolitelyWhatBillingDidNotReportInsteadOfLeavingBlanks() {
        // As billing sent ClaimAdjudicated before memberId, patient and billingProvider existed.
        ClaimAdjudicatedFixture remittance = ClaimAdjudicatedFixture.wholeClaimDenied("CO", "27", "162.00")
                .withPayload("memberId", null).withPayload("patient", null).withPayload("billingProvider", null);
        String denialId = route(remittance);
        String pcn = given().get("/api/v1/denials/" + denialId).then().extract().path("patientControlNumber");
        String appealId = draft(denialId, "Coverage was active on the date of service; see the eligibility response.", List.of());

        String html = given().accept("text/html").get("/api/v1/appeals/" + appealId + "/letter").then().statusCode(200)
                .extract().asString();
        assertContains(html, "Practice demo-practice<br/>The practice's name and address were not reported with this\n"
                + "claim; please print this letter on the practice's letterhead.");
        assertContains(html, "Patient: name not reported with this claim; please identify the patient by the"
                + " patient control number " + pcn + ".");
        assertContains(html, "Member id: not reported with this claim; the claim numbers above identify the claim");
        assertContains(html, "<tr class=\"line\"><td>whole claim</td><td>-</td><td>CO-27</td><td>162.00</td></tr>");
        assertContains(html, "<td>CARC</td><td>27</td><td>Expenses incurred after coverage terminated.</td>");
        assertTrue(!html.contains("<td></td>") && !html.contains("null"), "no blanks and no nulls:\n" + html);
    }

    @Test
    void printsTheLetterAsARealPdfWithTheClaimNumber() throws Exception {
        String denialId = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        String pcn = given().get("/api/v1/denials/" + denialId).then().extract().path("patientControlNumber");
        String appealId = draft(denialId, "Medically necessary: see the attached visit notes.", List.of("visit-notes.pdf"));

        byte[] pdf = given().accept("application/pdf").get("/api/v1/appeals/" + appealId + "/letter").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        assertTrue(pdf.length > 1500, "a one-page letter, not an empty document: " + pdf.length + " bytes");
        try (PDDocument document = PDDocument.load(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(pcn), "the PDF names the claim " + pcn);
            assertTrue(text.contains("Demo Clinic") && text.contains("NPI 1234567893"), "the PDF has the letterhead:\n" + text);
            assertTrue(text.contains("Ada Lovelace, date of birth 1980-02-14") && text.contains("M123456789"), text);
            assertTrue(text.contains("Medically necessary: see the attached visit notes."), text);
        }
    }

    @Test
    void submissionMakesTheDenialAppealedAndAWonOutcomeMakesItWon() {
        String denialId = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        String appealId = draft(denialId, "Medically necessary.", List.of());

        post("/api/v1/appeals/" + appealId + "/submission", "ana", Map.of()).statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("submittedOn", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));
        given().get("/api/v1/denials/" + denialId).then().body("status", equalTo("APPEALED"));
        post("/api/v1/appeals/" + appealId + "/submission", "ana", Map.of()).statusCode(409)
                .body("type", equalTo("/problems/invalid-transition"));

        post("/api/v1/appeals/" + appealId + "/outcome", "ben", Map.of("outcome", "WON", "recoveredAmount", "212.50"))
                .statusCode(200)
                .body("status", equalTo("WON"))
                .body("recoveredAmount", equalTo("212.50"));
        given().get("/api/v1/denials/" + denialId).then()
                .body("status", equalTo("WON"))
                .body("history.findAll { it.kind == 'STATUS_CHANGED' }.detail", org.hamcrest.Matchers.contains(
                        "OPEN → IN_PROGRESS: appeal drafted", "IN_PROGRESS → APPEALED: appeal submitted to SANDBOX-PPO",
                        "APPEALED → WON: appeal won, 212.50 recovered"))
                .body("history.find { it.detail.startsWith('APPEALED') }.actor", equalTo("ben"));
    }

    @Test
    void aLostOutcomeMakesTheDenialLost() {
        String denialId = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        String appealId = draft(denialId, "Medically necessary.", List.of());
        post("/api/v1/appeals/" + appealId + "/submission", "ana", Map.of()).statusCode(200);
        post("/api/v1/appeals/" + appealId + "/outcome", "ana", Map.of("outcome", "LOST")).statusCode(200)
                .body("status", equalTo("LOST"));
        given().get("/api/v1/denials/" + denialId).then().body("status", equalTo("LOST"));
    }

    @Test
    void refusesAnOutcomeBeforeSubmissionAndAWinWithoutTheRecoveredAmount() {
        String denialId = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        String appealId = draft(denialId, "Medically necessary.", List.of());
        post("/api/v1/appeals/" + appealId + "/outcome", "ana", Map.of("outcome", "WON", "recoveredAmount", "10.00"))
                .statusCode(409).body("type", equalTo("/problems/invalid-transition"));
        post("/api/v1/appeals/" + appealId + "/submission", "ana", Map.of()).statusCode(200);
        post("/api/v1/appeals/" + appealId + "/outcome", "ana", Map.of("outcome", "WON"))
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("recoveredAmount"));
        post("/api/v1/appeals/" + appealId + "/outcome", "ana", Map.of("outcome", "MAYBE"))
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("outcome"));
        given().get("/api/v1/denials/" + denialId).then().body("status", equalTo("APPEALED"));
    }

    @Test
    void refusesASecondAppealWhileOneIsInProgressAndAnAppealOfAWrittenOffDenial() {
        String denialId = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        draft(denialId, "Medically necessary.", List.of());
        post("/api/v1/denials/" + denialId + "/appeals", "ana", Map.of("reason", "again")).statusCode(409)
                .body("type", equalTo("/problems/conflict"));

        String writtenOff = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        post("/api/v1/denials/" + writtenOff + "/status", "ana", Map.of("status", "WRITTEN_OFF")).statusCode(200);
        post("/api/v1/denials/" + writtenOff + "/appeals", "ana", Map.of("reason", "late")).statusCode(409)
                .body("type", equalTo("/problems/invalid-transition"));
    }

    @Test
    void answers404ForAnUnknownAppealAndItsLetter() {
        given().get("/api/v1/appeals/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
        given().accept(ContentType.HTML).get("/api/v1/appeals/" + java.util.UUID.randomUUID() + "/letter").then().statusCode(404)
                .body(not(startsWith("<")));
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), "expected «" + expected + "» in:\n" + text);
    }
}
