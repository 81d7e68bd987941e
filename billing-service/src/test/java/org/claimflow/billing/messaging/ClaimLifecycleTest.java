package org.claimflow.billing.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.claimflow.billing.support.ClaimApi.assertReconciles;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.claimflow.billing.support.ClaimApi.awaitStatus;
import static org.claimflow.billing.support.ClaimApi.claim;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.claimflow.billing.support.EligibilityCheckedFixture;
import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.billing.support.EventSchemas;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.billing.x12.X12Document;
import org.claimflow.billing.x12.X12SegmentReader;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The walking skeleton end to end: real Kafka, real PostgreSQL and the sandbox payer as its own process. */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class ClaimLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final String ENCOUNTER_CODED = "claims.encounter-coded.v1";
    private static final String ELIGIBILITY_CHECKED = "claims.eligibility-checked.v1";

    private static JsonNode awaitEvent(String topic, String claimId) throws Exception {
        ConsumerRecord<String, String> record = KafkaTestClient.await(topic, r -> claimId.equals(r.key()), EVENT_WAIT);
        EventSchemas.assertValid(EventSchemas.ours(topic), record.value());
        JsonNode envelope = JSON.readTree(record.value());
        assertEquals(envelope.get("eventId").asText(), new String(record.headers().lastHeader("eventId").value()));
        return envelope;
    }

    private static String assemble(EncounterCodedFixture encounter) {
        KafkaTestClient.send(ENCOUNTER_CODED, encounter.encounterId(), encounter.envelope());
        return awaitClaimOf(encounter.encounterId());
    }

    @Test
    void assemblesSubmitsAndPostsThePaymentOfAnEligibleClaim() throws Exception {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda();
        String claimId = assemble(encounter);

        JsonNode assembled = awaitEvent("claims.claim-assembled.v1", claimId);
        assertEquals("ClaimAssembled", assembled.get("eventType").asText());
        assertEquals(encounter.encounterId(), assembled.get("correlationId").asText());
        assertEquals(encounter.eventId().toString(), assembled.get("causationId").asText());
        assertEquals("150.00", assembled.at("/payload/totalCharge").asText(), "99213 priced from demo-practice's charge master");
        String pcn = assembled.at("/payload/patientControlNumber").asText();
        assertEquals(20, pcn.length());
        assertTrue(pcn.startsWith("CF"));

        KafkaTestClient.send(ELIGIBILITY_CHECKED, claimId, EligibilityCheckedFixture.eligible(claimId, encounter.encounterId()).envelope());

        JsonNode submitted = awaitEvent("claims.claim-submitted.v1", claimId);
        String interchange = submitted.at("/payload/interchangeControlNumber").asText();
        JsonPath paid = awaitStatus(claimId, "PAID", EVENT_WAIT);
        assertReconciles(paid);
        // Sandbox PPO Gold: 99213 allowed 92.00; copay 25.00, then 20% coinsurance on the 67.00 left.
        assertEquals("53.60", paid.getString("amounts.paid"));
        assertEquals("58.00", paid.getString("amounts.adjusted"));
        assertEquals("38.40", paid.getString("amounts.patientResponsibility"));
        assertEquals("0.00", paid.getString("amounts.outstanding"));
        assertEquals("92.00", paid.getString("lines[0].allowedAmount"));
        assertTrue(paid.getList("lines[0].adjustments", Map.class).contains(Map.of("groupCode", "PR", "reasonCode", "3", "amount", "25.00")),
                "the copay is PR-3 25.00");
        List<String> history = paid.getList("history.kind");
        assertTrue(history.containsAll(List.of("ASSEMBLED", "ELIGIBLE", "SUBMITTING", "SUBMITTED", "ACCEPTED", "PAID")), history.toString());
        assertTrue(paid.getList("history.detail", String.class).contains("SUBMITTED in interchange " + interchange + " (999 A)"),
                paid.getList("history.detail").toString());

        JsonNode adjudicated = awaitEvent("claims.claim-adjudicated.v1", claimId);
        JsonNode payload = adjudicated.get("payload");
        assertEquals("PAID", payload.get("outcome").asText());
        assertEquals("1", payload.get("claimStatusCode").asText());
        assertEquals("150.00", payload.get("totalCharge").asText());
        assertEquals("53.60", payload.get("paidAmount").asText());
        assertEquals("38.40", payload.get("patientResponsibility").asText());
        assertEquals("92.00", payload.at("/serviceLines/0/allowedAmount").asText());
        assertEquals(1, payload.at("/serviceLines/0/lineNumber").asInt());
        assertEquals(pcn, payload.get("patientControlNumber").asText());
        // What denial-service needs without calling back: an original, and the appeal letter's parties.
        assertEquals("1", payload.get("frequencyCode").asText());
        assertTrue(payload.has("replacesClaimId") && payload.get("replacesClaimId").isNull(), "an original replaces nothing");
        assertEquals("M123456789", payload.get("memberId").asText());
        assertEquals("Lovelace", payload.at("/patient/lastName").asText());
        assertEquals("1980-02-14", payload.at("/patient/dateOfBirth").asText());
        assertTrue(payload.at("/patient/address").isMissingNode(), "no more PHI than the consumer needs");
        assertEquals("1234567893", payload.at("/billingProvider/npi").asText());
        assertEquals("Demo Clinic", payload.at("/billingProvider/name").asText());
        assertFalse(payload.at("/billingProvider/address/line1").asText().isBlank());
    }

    @Test
    void servesThe837AsSentAndItReadsBackCleanly() throws Exception {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForDijkstra();
        String claimId = assemble(encounter);
        given().get("/api/v1/claims/" + claimId + "/x12").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-found"));

        KafkaTestClient.send(ELIGIBILITY_CHECKED, claimId, EligibilityCheckedFixture.eligible(claimId, encounter.encounterId()).envelope());
        awaitEvent("claims.claim-submitted.v1", claimId);

        String x12 = given().get("/api/v1/claims/" + claimId + "/x12").then().statusCode(200)
                .contentType(containsString("application/edi-x12")).extract().asString();
        X12Document document = X12SegmentReader.read(x12);
        assertEquals(List.of(), document.warnings());
        assertEquals(1, document.transactions("837").size());
        String pcn = claim(claimId).getString("patientControlNumber");
        assertTrue(document.transactions().get(0).segments().stream()
                .anyMatch(s -> s.tag().equals("CLM") && s.element(1).equals(pcn)), "CLM01 is the patient control number");
        assertTrue(document.transactions().get(0).segments().stream()
                .anyMatch(s -> s.tag().equals("REF") && s.element(1).equals("6R") && s.element(2).equals(pcn + "-1")),
                "REF*6R names the line");
        assertEquals(claim(claimId).getString("submission.interchangeControlNumber"), document.transactions().get(0).interchangeControlNumber());
    }

    @Test
    void holdsAClaimWhoseCoverageIsNotActiveAndNeverSubmitsIt() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda();
        String claimId = assemble(encounter);
        KafkaTestClient.send(ELIGIBILITY_CHECKED, claimId, EligibilityCheckedFixture.inactive(claimId, encounter.encounterId()).envelope());

        JsonPath held = awaitStatus(claimId, "NOT_ELIGIBLE", EVENT_WAIT);
        assertTrue(held.getList("history.detail", String.class).stream().anyMatch(d -> d.contains("COVERAGE_INACTIVE")));
        assertReconciles(held);
        assertEquals("150.00", held.getString("amounts.outstanding"));

        assertEquals(List.of(), KafkaTestClient.collect("claims.claim-submitted.v1", r -> claimId.equals(r.key()), Duration.ofSeconds(4)));
        assertEquals("NOT_ELIGIBLE", claim(claimId).getString("status"));
        given().get("/api/v1/claims/" + claimId + "/x12").then().statusCode(404);
    }

    @Test
    void deniesANonCoveredLineAndPublishesItsCo96Adjustment() throws Exception {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForDijkstra().addLine("15780", "800.00");
        String claimId = assemble(encounter);
        KafkaTestClient.send(ELIGIBILITY_CHECKED, claimId, EligibilityCheckedFixture.eligible(claimId, encounter.encounterId()).envelope());

        JsonPath adjudicated = awaitStatus(claimId, "PARTIALLY_DENIED", EVENT_WAIT);
        assertReconciles(adjudicated);
        assertEquals("1100.00", adjudicated.getString("amounts.charged"), "15780 priced from the charge master (950.00), not the encounter");
        assertEquals("92.00", adjudicated.getString("amounts.paid"));
        assertEquals("0.00", adjudicated.getString("amounts.patientResponsibility"));
        assertEquals("0.00", adjudicated.getString("lines[1].paidAmount"));
        assertEquals(List.of(Map.of("groupCode", "CO", "reasonCode", "96", "amount", "950.00")),
                adjudicated.getList("lines[1].adjustments", Map.class));

        JsonNode event = awaitEvent("claims.claim-adjudicated.v1", claimId).get("payload");
        assertEquals("PARTIALLY_DENIED", event.get("outcome").asText());
        JsonNode denied = event.at("/serviceLines/1");
        assertEquals("15780", denied.get("procedureCode").asText());
        assertEquals("0.00", denied.get("paidAmount").asText());
        assertEquals("CO", denied.at("/adjustments/0/groupCode").asText());
        assertEquals("96", denied.at("/adjustments/0/reasonCode").asText());
    }

    @Test
    void makesOneClaimOfAnEncounterDeliveredTwiceAndPublishedAgain() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda();
        KafkaTestClient.send(ENCOUNTER_CODED, encounter.encounterId(), encounter.envelope());
        KafkaTestClient.send(ENCOUNTER_CODED, encounter.encounterId(), encounter.envelope());
        KafkaTestClient.send(ENCOUNTER_CODED, encounter.encounterId(), encounter.republished().envelope());
        String claimId = awaitClaimOf(encounter.encounterId());

        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().queryParam("encounterId", encounter.encounterId()).get("/api/v1/claims").then()
                        .body("total", equalTo(1))
                        .body("items[0].id", equalTo(claimId)));
        assertEquals(1, KafkaTestClient.collect("claims.claim-assembled.v1", r -> claimId.equals(r.key()), Duration.ofSeconds(3)).size());
        given().get("/api/v1/claims/" + claimId).then().body("history.kind", hasItem("DUPLICATE_ENCOUNTER_IGNORED"));
    }

    @Test
    void marksAClaimTheWriterRefusesAsSubmissionFailedWithTheProblems() {
        // Not an ICD-10-CM code: coding-service should have held it; if one slips through, the 837 writer refuses it.
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda().with("diagnoses", List.of("UX99"));
        String claimId = assemble(encounter);
        KafkaTestClient.send(ELIGIBILITY_CHECKED, claimId, EligibilityCheckedFixture.eligible(claimId, encounter.encounterId()).envelope());

        JsonPath failed = awaitStatus(claimId, "SUBMISSION_FAILED", EVENT_WAIT);
        assertTrue(failed.getList("history.detail", String.class).stream().anyMatch(d -> d.contains("diagnoses[0]")),
                failed.getList("history.detail").toString());
        given().get("/api/v1/claims/" + claimId + "/x12").then().statusCode(404);
        assertEquals(List.of(), KafkaTestClient.collect("claims.claim-submitted.v1", r -> claimId.equals(r.key()), Duration.ofSeconds(3)));
    }

    @Test
    void sendsAnUnreadableEventToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        KafkaTestClient.send(ENCOUNTER_CODED, key, "this is not an event");
        ConsumerRecord<String, String> dead = KafkaTestClient.await(ENCOUNTER_CODED + ".dlq", r -> key.equals(r.key()), EVENT_WAIT);
        assertEquals("this is not an event", dead.value());
    }

    @Test
    void sendsAnEncounterWithoutServiceLinesToTheDeadLetterTopic() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda().with("serviceLines", List.of());
        KafkaTestClient.send(ENCOUNTER_CODED, encounter.encounterId(), encounter.envelope());
        KafkaTestClient.await(ENCOUNTER_CODED + ".dlq", r -> encounter.encounterId().equals(r.key()), EVENT_WAIT);
        given().queryParam("encounterId", encounter.encounterId()).get("/api/v1/claims").then().body("total", equalTo(0));
    }

    @Test
    void sendsEligibilityForAnUnknownClaimToTheDeadLetterTopic() {
        String claimId = UUID.randomUUID().toString();
        KafkaTestClient.send(ELIGIBILITY_CHECKED, claimId, EligibilityCheckedFixture.eligible(claimId, UUID.randomUUID().toString()).envelope());
        KafkaTestClient.await(ELIGIBILITY_CHECKED + ".dlq", r -> claimId.equals(r.key()), EVENT_WAIT);
    }
}
