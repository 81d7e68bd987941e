package org.claimflow.coding.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class EncounterResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void codeSetsLoaded() {
        CodeSetsReady.await();
    }

    private static Response post(Object body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/encounters");
    }

    @Test
    void acceptsACleanEncounterAndPublishesEncounterCodedKeyedByEncounterId() throws Exception {
        EncounterFixture fixture = EncounterFixture.officeVisit();
        Response response = post(fixture.build(), null);
        response.then().statusCode(202)
                .header("Location", containsString("/api/v1/encounters/"))
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo("CODED"))
                // The 2024 code sets are older than the 2026 date of service: a warning, never a hold.
                .body("findings.ruleId", equalTo(List.of("CODESET_VERSION")))
                .body("findings[0].severity", equalTo("WARNING"));
        String id = response.jsonPath().getString("id");

        ConsumerRecord<String, String> record = KafkaTestClient.await("claims.encounter-coded.v1",
                r -> id.equals(r.key()), Duration.ofSeconds(20));
        JsonNode envelope = JSON.readTree(record.value());
        assertEquals("EncounterCoded", envelope.get("eventType").asText());
        assertEquals("demo-practice", envelope.get("practiceId").asText());
        assertEquals(id, envelope.get("correlationId").asText());
        assertEquals("99213", envelope.at("/payload/serviceLines/0/procedureCode").asText());
        assertEquals("150.00", envelope.at("/payload/serviceLines/0/chargeAmount").asText());
        assertEquals(envelope.get("eventId").asText(), new String(record.headers().lastHeader("eventId").value()));

        given().get("/api/v1/encounters/" + id).then().statusCode(200)
                .body("status", equalTo("CODED"))
                .body("history.kind", hasItem("CODED"));
    }

    @Test
    void holdsAnEncounterWithMalformedCodesAndPublishesNothing() {
        EncounterFixture fixture = EncounterFixture.officeVisit().with("diagnoses", List.of("NOTACODE"));
        String id = post(fixture.build(), null).then().statusCode(202)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings[0].ruleId", equalTo("ICD10_FORMAT"))
                .body("findings[0].severity", equalTo("ERROR"))
                .extract().path("id");

        given().queryParam("status", "NEEDS_REVIEW").get("/api/v1/encounters").then().statusCode(200)
                .body("items.id", hasItem(id));
        assertEquals(List.of(), KafkaTestClient.collect("claims.encounter-coded.v1", r -> id.equals(r.key()), Duration.ofSeconds(3)));
    }

    @Test
    void replaysTheFirstResponseForARepeatedIdempotencyKey() {
        EncounterFixture fixture = EncounterFixture.officeVisit();
        String key = UUID.randomUUID().toString();
        Response first = post(fixture.build(), key);
        first.then().statusCode(202);
        Response second = post(fixture.build(), key);
        second.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertEquals(first.jsonPath().getString("id"), second.jsonPath().getString("id"));
        assertEquals(first.header("Location"), second.header("Location"));

        given().queryParam("practiceId", "demo-practice").queryParam("size", 200).get("/api/v1/encounters").then()
                .body("items.findAll { it.externalId == '" + fixture.externalId() + "' }", hasSize(1));
    }

    @Test
    void refusesAnIdempotencyKeyReusedWithADifferentBody() {
        String key = UUID.randomUUID().toString();
        post(EncounterFixture.officeVisit().build(), key).then().statusCode(202);
        post(EncounterFixture.officeVisit().build(), key).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"));
    }

    @Test
    void refusesASecondEncounterWithTheSameExternalId() {
        EncounterFixture fixture = EncounterFixture.officeVisit();
        post(fixture.build(), null).then().statusCode(202);
        post(fixture.withNested("patient", "firstName", "Augusta").build(), null).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/conflict"));
    }

    @Test
    void namesEveryInvalidFieldInAProblemAndStoresNothing() {
        EncounterFixture fixture = EncounterFixture.officeVisit()
                .withLine(0, "units", 0)
                .withLine(1, "chargeAmount", "12.345")
                .withNested("billingProvider", "npi", "12345")
                .with("placeOfService", null);
        post(fixture.build(), null).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("serviceLines[0].units"))
                .body("errors.field", hasItem("serviceLines[1].chargeAmount"))
                .body("errors.field", hasItem("billingProvider.npi"))
                .body("errors.field", hasItem("placeOfService"))
                .body(not(containsString("Lovelace")));
        given().queryParam("size", 200).get("/api/v1/encounters").then()
                .body("items.externalId", not(hasItem(fixture.externalId())));
    }

    @Test
    void rejectsUnknownFieldsAndServerOwnedFields() {
        post(EncounterFixture.officeVisit().with("status", "CODED").build(), null).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void rejectsMalformedJsonWithAProblemNotAStackTrace() {
        given().contentType(ContentType.JSON).body("{\"practiceId\": ").post("/api/v1/encounters").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString("Exception")));
    }

    @Test
    void rejectsAWrongTypeInAField() {
        post(EncounterFixture.officeVisit().with("dateOfService", "14/10/2026").build(), null).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("dateOfService"));
    }

    @Test
    void answers404AsAProblemForAnUnknownEncounter() {
        given().get("/api/v1/encounters/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("instance", containsString("/api/v1/encounters/"));
    }

    @Test
    void refusesAnOversizedBodyWith413() {
        String huge = "{\"practiceId\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/v1/encounters").then().statusCode(413);
    }

    @Test
    void linksTheClaimOnceEvenWhenClaimAssembledIsDeliveredTwice() {
        String id = post(EncounterFixture.officeVisit().build(), null).then().statusCode(202).extract().path("id");
        String claimId = UUID.randomUUID().toString();
        String event = """
                {"eventId":"%s","eventType":"ClaimAssembled","schemaVersion":1,"occurredAt":"2026-10-14T10:00:00Z",
                 "practiceId":"demo-practice","aggregateId":"%s","correlationId":"%s","causationId":null,
                 "payload":{"claimId":"%s","encounterId":"%s","totalCharge":"162.00"}}"""
                .formatted(UUID.randomUUID(), claimId, id, claimId, id);
        KafkaTestClient.send("claims.claim-assembled.v1", claimId, event);
        KafkaTestClient.send("claims.claim-assembled.v1", claimId, event);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/api/v1/encounters/" + id).then().body("claimId", equalTo(claimId)));
        // The second delivery of the same event must not add a second history entry.
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().get("/api/v1/encounters/" + id).then()
                        .body("history.findAll { it.kind == 'CLAIM_ASSEMBLED' }", hasSize(1)));
    }

    @Test
    void sendsAnUnreadableEventToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        KafkaTestClient.send("claims.claim-assembled.v1", key, "this is not an event");
        ConsumerRecord<String, String> dead = KafkaTestClient.await("claims.claim-assembled.v1.dlq",
                r -> key.equals(r.key()), Duration.ofSeconds(20));
        assertEquals("this is not an event", dead.value());
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("claimflow_outbox_backlog"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/encounters"));
    }

}
