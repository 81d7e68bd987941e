package org.claimflow.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.claimflow.systemtest.SystemUnderTest.bearer;
import static org.claimflow.systemtest.SystemUnderTest.get;
import static org.claimflow.systemtest.SystemUnderTest.money;
import static org.claimflow.systemtest.SystemUnderTest.play;
import static org.claimflow.systemtest.SystemUnderTest.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.claimflow.localstack.DemoRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;

/**
 * The people around a claim, end to end through the public APIs of the running system: a coder releasing a held
 * encounter, a front-desk specialist appealing a denial, a biller voiding a claim, a coder correcting what a payer
 * denied for coding, and the eligibility gate in front of submission.
 */
class WorkflowIT {

    private static final Duration PIPELINE = Duration.ofSeconds(180);

    @BeforeAll
    static void startTheSystem() {
        SystemUnderTest.system();
    }

    @Test
    void aCoderCorrectionReleasesAHeldEncounterAndItsClaimIsPaid() {
        DemoRunner.Outcome held = play("diagnosis that is not an ICD-10-CM code", "WF-HELD");
        assertEquals("HELD_FOR_CODING", held.outcome());
        JsonNode encounter = get(url("coding-service") + "/api/v1/encounters/" + held.encounterId());
        assertTrue(rules(encounter.path("findings")).contains("ICD10_FORMAT"), encounter.toString());

        given().contentType(ContentType.JSON).header("Authorization", bearer("coder-ana", "coder"))
                .body("{\"diagnoses\":[\"I10\"],\"reason\":\"Provider documented essential hypertension\"}")
                .post(url("coding-service") + "/api/v1/encounters/" + held.encounterId() + "/corrections")
                .then().statusCode(200);

        JsonNode claim = awaitClaim(held.encounterId(), c -> "PAID".equals(c.path("status").asText()));
        assertReconciles(claim);
        List<String> kinds = kinds(get(url("coding-service") + "/api/v1/encounters/" + held.encounterId()).path("history"));
        assertTrue(kinds.contains("CORRECTED") && kinds.indexOf("CORRECTED") < kinds.lastIndexOf("CODED"), kinds.toString());
    }

    @Test
    void aDeniedClaimWaitsInItsQueueWithADeadlineAndIsAppealedByApi() {
        DemoRunner.Outcome mri = play("MRI without prior authorization", "WF-APPEAL");
        assertEquals("DENIED", mri.outcome());
        JsonNode denial = onlyDenial(mri.claimId());
        assertEquals("FRONT_DESK", denial.path("queue").asText());
        assertEquals("AUTHORIZATION", denial.path("category").asText());
        assertEquals("197", denial.path("reasonCodes").get(0).asText());
        LocalDate remitted = LocalDate.parse(denial.path("remittanceDate").asText());
        // SANDBOX-PPO: 180 days from the remittance date (denial-service README, payer table).
        assertEquals(remitted.plusDays(180), LocalDate.parse(denial.path("appealDeadline").asText()));
        String id = denial.path("id").asText();
        JsonNode queue = get(url("denial-service") + "/api/v1/denials?queue=FRONT_DESK&status=OPEN&size=200");
        assertTrue(ids(queue.path("items")).contains(id), "the denial is in the front-desk queue");

        String appealUrl = given().contentType(ContentType.JSON).header("Authorization", bearer("ds-sam", "denial-specialist"))
                .body("{\"reason\":\"Authorization AUTH-0042 was obtained by phone before the scan\",\"attachments\":[\"auth-call-log.pdf\"]}")
                .post(url("denial-service") + "/api/v1/denials/" + id + "/appeals")
                .then().statusCode(201).extract().header("Location");
        String appeal = appealUrl.startsWith("http") ? appealUrl : url("denial-service") + appealUrl;
        String letter = given().accept("text/html").get(appeal + "/letter").then().statusCode(200).extract().asString();
        assertTrue(letter.contains(denial.path("patientControlNumber").asText()), "the letter names the claim");
        assertTrue(letter.contains("197") && letter.contains("72148"), "the letter names the CARC and the procedure");
        assertTrue(letter.contains("AUTH-0042"), "the letter carries the reason for reconsideration");
        byte[] pdf = given().accept("application/pdf").get(appeal + "/letter").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

        given().post(appeal + "/submission").then().statusCode(200);
        assertEquals("APPEALED", get(url("denial-service") + "/api/v1/denials/" + id).path("status").asText());
        given().contentType(ContentType.JSON).body("{\"outcome\":\"WON\",\"recoveredAmount\":\"250.00\"}")
                .post(appeal + "/outcome").then().statusCode(200);
        assertEquals("WON", get(url("denial-service") + "/api/v1/denials/" + id).path("status").asText());
    }

    @Test
    void aVoidRequestedForADenialRoundTripsThroughBillingAndThePayer() {
        DemoRunner.Outcome ecg = play("ECG pointed at a diagnosis the payer says does not support it", "WF-VOID");
        assertEquals("PARTIALLY_DENIED", ecg.outcome());
        JsonNode denial = onlyDenial(ecg.claimId());
        assertEquals("CODING", denial.path("queue").asText());
        assertEquals("11", denial.path("reasonCodes").get(0).asText());
        JsonNode original = get(url("billing-service") + "/api/v1/claims/" + ecg.claimId());
        String payerClaimNumber = original.path("payerClaimControlNumber").asText();
        assertFalse(payerClaimNumber.isBlank());

        given().contentType(ContentType.JSON).header("Authorization", bearer("biller-kim", "biller"))
                .body("{\"frequencyCode\":\"8\",\"reason\":\"Claim sent for the wrong visit\"}")
                .post(url("denial-service") + "/api/v1/denials/" + denial.path("id").asText() + "/corrections")
                .then().statusCode(202);

        JsonNode voided = await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(
                () -> get(url("billing-service") + "/api/v1/claims/" + ecg.claimId()),
                c -> "VOIDED".equals(c.path("status").asText()));
        assertReconciles(voided);
        JsonNode voidClaim = correctionOf(ecg.encounterId(), ecg.claimId());
        assertEquals("8", voidClaim.path("frequencyCode").asText());
        assertEquals(payerClaimNumber, voidClaim.path("originalPayerClaimControlNumber").asText());
        String x12 = given().get(url("billing-service") + "/api/v1/claims/" + voidClaim.path("id").asText() + "/x12")
                .then().statusCode(200).extract().asString();
        assertTrue(x12.contains(":B:8*"), "CLM05-3 is 8 (void)");
        assertTrue(x12.contains("REF*F8*" + payerClaimNumber + "~"), "REF*F8 names the payer's claim number");
        assertEquals("CORRECTED", get(url("denial-service") + "/api/v1/denials/" + denial.path("id").asText()).path("status").asText());
    }

    @Test
    void aCodingDenialReopensTheEncounterAndTheCodersFixIsPaidOnAReplacementClaim() {
        DemoRunner.Outcome ecg = play("ECG pointed at a diagnosis the payer says does not support it", "WF-RECODE");
        assertEquals("PARTIALLY_DENIED", ecg.outcome());
        JsonNode denial = onlyDenial(ecg.claimId());
        JsonNode original = get(url("billing-service") + "/api/v1/claims/" + ecg.claimId());

        // denial-service routed the CO-11 to coding: coding-service re-opens the encounter with the payer's reason.
        JsonNode reopened = await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(
                () -> get(url("coding-service") + "/api/v1/encounters/" + ecg.encounterId()),
                e -> "NEEDS_REVIEW".equals(e.path("status").asText()));
        assertTrue(rules(reopened.path("findings")).contains("PAYER_DENIAL"), reopened.toString());

        given().contentType(ContentType.JSON).header("Authorization", bearer("coder-ana", "coder")).body("""
                {"serviceLines":[
                  {"procedureCode":"99213","modifiers":[],"units":1,"diagnosisPointers":[1,2],"chargeAmount":"150.00"},
                  {"procedureCode":"93000","modifiers":[],"units":1,"diagnosisPointers":[2],"chargeAmount":"40.00"}],
                 "reason":"The ECG was ordered for the hypertension, not the diabetes"}""")
                .post(url("coding-service") + "/api/v1/encounters/" + ecg.encounterId() + "/corrections")
                .then().statusCode(200);

        JsonNode replacement = await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(
                () -> correctionOfOrNull(ecg.encounterId(), ecg.claimId()),
                c -> c != null && "PAID".equals(c.path("status").asText()));
        assertEquals("7", replacement.path("frequencyCode").asText());
        assertEquals(original.path("payerClaimControlNumber").asText(), replacement.path("originalPayerClaimControlNumber").asText());
        JsonNode paid = get(url("billing-service") + "/api/v1/claims/" + replacement.path("id").asText());
        assertEquals(2, paid.path("lines").size(), "the replacement carries both lines");
        assertEquals(List.of(2), pointers(paid.path("lines").get(1)), "the ECG now points at I10");
        assertTrue(money(paid.path("lines").get(1), "paidAmount").signum() > 0, "the corrected ECG line is paid");
        assertReconciles(paid);
        JsonNode replaced = await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(
                () -> get(url("billing-service") + "/api/v1/claims/" + ecg.claimId()),
                c -> "REPLACED".equals(c.path("status").asText()));
        assertReconciles(replaced);
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(
                () -> get(url("denial-service") + "/api/v1/denials/" + denial.path("id").asText()).path("status").asText(),
                "CORRECTED"::equals);
    }

    @Test
    void aClaimWhoseCoverageEndedNeverReachesSubmissionAndSaysWhy() {
        DemoRunner.Outcome grace = play("coverage ended before the visit", "WF-ELIG");
        assertEquals("NOT_ELIGIBLE", grace.outcome());
        JsonNode claim = get(url("billing-service") + "/api/v1/claims/" + grace.claimId());
        List<String> kinds = kinds(claim.path("history"));
        assertFalse(kinds.stream().anyMatch(k -> k.startsWith("SUBMIT")), kinds.toString());
        assertTrue(claim.path("submission").isMissingNode() || claim.path("submission").isNull(), claim.toString());
        String history = claim.path("history").toString();
        assertTrue(history.contains("INACTIVE"), "the history names the coverage status: " + history);
        given().get(url("billing-service") + "/api/v1/claims/" + grace.claimId() + "/x12").then().statusCode(404);
    }

    private static JsonNode awaitClaim(String encounterId, java.util.function.Predicate<JsonNode> done) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode items = get(url("billing-service") + "/api/v1/claims?encounterId=" + encounterId).path("items");
            if (items.isEmpty()) {
                return false;
            }
            last.set(get(url("billing-service") + "/api/v1/claims/" + items.get(0).path("id").asText()));
            return done.test(last.get());
        });
        return last.get();
    }

    /** The replacement or void billing made of {@code claimId}; fails if there is none yet. */
    private static JsonNode correctionOf(String encounterId, String claimId) {
        JsonNode found = correctionOfOrNull(encounterId, claimId);
        assertNotNull(found, "no replacement or void of claim " + claimId);
        return found;
    }

    private static JsonNode correctionOfOrNull(String encounterId, String claimId) {
        for (JsonNode c : get(url("billing-service") + "/api/v1/claims?encounterId=" + encounterId).path("items")) {
            if (claimId.equals(c.path("replacesClaimId").asText())) {
                return get(url("billing-service") + "/api/v1/claims/" + c.path("id").asText());
            }
        }
        return null;
    }

    private static JsonNode onlyDenial(String claimId) {
        JsonNode items = get(url("denial-service") + "/api/v1/denials?claimId=" + claimId).path("items");
        assertEquals(1, items.size(), items.toString());
        return get(url("denial-service") + "/api/v1/denials/" + items.get(0).path("id").asText());
    }

    private static void assertReconciles(JsonNode claim) {
        JsonNode a = claim.path("amounts");
        BigDecimal accounted = money(a, "paid").add(money(a, "adjusted")).add(money(a, "patientResponsibility")).add(money(a, "outstanding"));
        assertEquals(0, money(a, "charged").compareTo(accounted), "charge = paid + adjusted + patient + outstanding: " + a);
    }

    private static List<String> rules(JsonNode findings) {
        List<String> out = new ArrayList<>();
        findings.forEach(f -> out.add(f.path("ruleId").asText()));
        return out;
    }

    private static List<String> kinds(JsonNode history) {
        List<String> out = new ArrayList<>();
        history.forEach(h -> out.add(h.path("kind").asText()));
        return out;
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path("id").asText()));
        return out;
    }

    private static List<Integer> pointers(JsonNode line) {
        List<Integer> out = new ArrayList<>();
        line.path("diagnosisPointers").forEach(p -> out.add(p.asInt()));
        return out;
    }
}
