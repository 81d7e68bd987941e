package org.claimflow.denial.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.denial.support.RoutedDenials.WAIT;
import static org.claimflow.denial.support.RoutedDenials.post;
import static org.claimflow.denial.support.RoutedDenials.route;
import static org.claimflow.denial.support.RoutedDenials.status;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.denial.support.Schemas;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class DenialWorkTest {

    private static final String CORRECTION_REQUESTED = "claims.claim-correction-requested.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void recordsAssignmentAndNotesInTheHistoryWithWhoAndWhen() {
        String id = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));

        post("/api/v1/denials/" + id + "/assignment", "ana", Map.of("assignee", "ben")).statusCode(200)
                .body("assignee", equalTo("ben"));
        post("/api/v1/denials/" + id + "/assignment", null, Map.of("assignee", "cleo")).statusCode(200);
        String location = post("/api/v1/denials/" + id + "/notes", "ben", Map.of("text", "Records requested from the clinic."))
                .statusCode(201)
                .header("Location", containsString("/api/v1/denials/" + id + "/notes/"))
                .body("author", equalTo("ben"))
                .extract().header("Location");
        given().get(location).then().statusCode(200).body("text", equalTo("Records requested from the clinic."));

        given().get("/api/v1/denials/" + id).then().statusCode(200)
                .body("assignee", equalTo("cleo"))
                .body("history.kind", contains("ROUTED", "ASSIGNED", "ASSIGNED", "NOTE_ADDED"))
                .body("history.actor", contains("denial-service", "ana", DefaultTestToken.USER, "ben"))
                .body("history[1].detail", equalTo("Assigned to ben."))
                .body("history[2].detail", equalTo("Reassigned from ben to cleo."))
                .body("history[3].occurredAt", notNullValue())
                .body("notes.text", contains("Records requested from the clinic."));
    }

    @Test
    void replaysANoteForTheSameIdempotencyKeyAndRefusesTheKeyWithAnotherBody() {
        String id = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        String key = "note-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("text", "Called the payer."))
                .post("/api/v1/denials/" + id + "/notes").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("text", "Called the payer."))
                .post("/api/v1/denials/" + id + "/notes").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", endsWith(first))
                .body("id", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("text", "Something else."))
                .post("/api/v1/denials/" + id + "/notes").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"));
        given().get("/api/v1/denials/" + id).then().body("notes.size()", equalTo(1));
    }

    @Test
    void movesAnOpenDenialToInProgressAndThenWritesItOff() {
        String id = route(ClaimAdjudicatedFixture.lineDenied("CO", "119"));
        status(id, "IN_PROGRESS", null).statusCode(200).body("status", equalTo("IN_PROGRESS"));
        status(id, "WRITTEN_OFF", "benefit maximum reached, patient informed").statusCode(200).body("status", equalTo("WRITTEN_OFF"));
        given().get("/api/v1/denials/" + id).then()
                .body("history.find { it.kind == 'STATUS_CHANGED' && it.detail.startsWith('IN_PROGRESS') }.detail",
                        equalTo("IN_PROGRESS → WRITTEN_OFF: benefit maximum reached, patient informed"))
                .body("history.findAll { it.kind == 'STATUS_CHANGED' }.actor", contains("ana", "ana"));
    }

    @Test
    void refusesToReopenAWrittenOffDenialAsAnInvalidTransition() {
        String id = route(ClaimAdjudicatedFixture.lineDenied("CO", "119"));
        status(id, "WRITTEN_OFF", null).statusCode(200);
        status(id, "IN_PROGRESS", null).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-transition"))
                .body("detail", equalTo("A denial WRITTEN_OFF cannot become IN_PROGRESS."));
        given().get("/api/v1/denials/" + id).then().body("status", equalTo("WRITTEN_OFF"));
    }

    @Test
    void refusesToMarkADenialWonByHandBecauseOnlyAnAppealOutcomeDoesThat() {
        String id = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        status(id, "WON", null).statusCode(409).body("type", equalTo("/problems/invalid-transition"));
        status(id, "NO_SUCH_STATUS", null).statusCode(400).body("type", equalTo("/problems/validation"));
    }

    @Test
    void filtersTheListByAssigneeAndByPastDeadline() {
        String payer = "FILTER-" + UUID.randomUUID().toString().substring(0, 8);
        String late = route(ClaimAdjudicatedFixture.lineDenied("CO", "50").payer(payer)
                .remittanceDate(LocalDate.now(ZoneOffset.UTC).minusDays(400)));
        String inTime = route(ClaimAdjudicatedFixture.lineDenied("CO", "50").payer(payer));
        String assignee = "dora-" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/v1/denials/" + inTime + "/assignment", "ana", Map.of("assignee", assignee)).statusCode(200);

        given().queryParam("assignee", assignee).get("/api/v1/denials").then().statusCode(200)
                .body("items.id", contains(inTime));
        given().queryParam("payerId", payer).queryParam("pastDeadline", true).get("/api/v1/denials").then().statusCode(200)
                .body("items.id", contains(late));
        given().queryParam("payerId", payer).queryParam("pastDeadline", false).get("/api/v1/denials").then().statusCode(200)
                .body("items.id", contains(inTime));
        given().queryParam("pastDeadline", "maybe").get("/api/v1/denials").then().statusCode(400)
                .body("errors.field", contains("pastDeadline"));
    }

    @Test
    void requestsACorrectedClaimWithAnEventKeyedByClaimThatMatchesItsSchema() throws Exception {
        ClaimAdjudicatedFixture remittance = ClaimAdjudicatedFixture.lineDenied("CO", "4");
        String id = route(remittance);
        String key = "correction-" + UUID.randomUUID();
        String correctionId = given().contentType(ContentType.JSON).header("Authorization", DefaultTestToken.bearer("demo-practice", "coder-ed", "denial-specialist")).header("Idempotency-Key", key)
                .body(Map.of("frequencyCode", "7", "reason", "Modifier 25 added to the office visit."))
                .post("/api/v1/denials/" + id + "/corrections").then().statusCode(202)
                .header("Location", containsString("/api/v1/denials/" + id + "/corrections/"))
                .body("frequencyCode", equalTo("7"))
                .extract().path("id");
        // A retry is answered from the first request; it does not ask billing twice.
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("frequencyCode", "7", "reason", "Modifier 25 added to the office visit."))
                .post("/api/v1/denials/" + id + "/corrections").then().statusCode(202).body("id", equalTo(correctionId));

        ConsumerRecord<String, String> record = KafkaTestClient.await(CORRECTION_REQUESTED, r -> remittance.claimId().equals(r.key()), WAIT);
        JsonNode envelope = JSON.readTree(record.value());
        assertEquals(List.of(), List.copyOf(Schemas.validate(
                Schemas.fromClasspath("events/claims.claim-correction-requested.v1.schema.json"), envelope)));
        assertEquals("ClaimCorrectionRequested", envelope.get("eventType").asText());
        assertEquals(remittance.correlationId(), envelope.get("correlationId").asText());
        JsonNode payload = envelope.get("payload");
        assertEquals(correctionId, payload.get("correctionId").asText());
        assertEquals(id, payload.get("denialId").asText());
        assertEquals(remittance.claimId(), payload.get("claimId").asText());
        assertEquals(remittance.correlationId(), payload.get("encounterId").asText());
        assertEquals(given().get("/api/v1/denials/" + id).then().extract().path("payerClaimControlNumber"),
                payload.get("payerClaimControlNumber").asText());
        assertEquals("7", payload.get("frequencyCode").asText());
        assertEquals(1, KafkaTestClient.collect(CORRECTION_REQUESTED, r -> remittance.claimId().equals(r.key()),
                java.time.Duration.ofSeconds(2)).size());

        given().get("/api/v1/denials/" + id).then()
                .body("status", equalTo("CORRECTED"))
                .body("history.kind", contains("ROUTED", "STATUS_CHANGED", "CORRECTION_REQUESTED"))
                .body("history[2].actor", equalTo("coder-ed"));
        post("/api/v1/denials/" + id + "/corrections", "ana", Map.of("frequencyCode", "8", "reason", "void it"))
                .statusCode(409).body("type", equalTo("/problems/invalid-transition"));
    }

    @Test
    void refusesAFrequencyCodeOtherThanReplacementOrVoid() {
        String id = route(ClaimAdjudicatedFixture.lineDenied("CO", "4"));
        post("/api/v1/denials/" + id + "/corrections", "ana", Map.of("frequencyCode", "1", "reason", "resubmit"))
                .statusCode(400).body("type", equalTo("/problems/validation")).body("errors.field", contains("frequencyCode"));
    }
}
