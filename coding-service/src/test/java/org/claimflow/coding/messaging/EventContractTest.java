package org.claimflow.coding.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.coding.support.EventSchemas;
import org.claimflow.localstack.KafkaTestClient;
import org.junit.jupiter.api.Test;

import com.networknt.schema.JsonSchema;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The events this service publishes match the schema it owns, and the events it consumes, as its tests
 * build them, match the producer's schema: a change on either side that breaks the other fails here.
 */
@QuarkusTest
class EventContractTest {

    @Test
    void publishedEncounterCodedMatchesItsSchema() {
        CodeSetsReady.await();
        String id = given().contentType(ContentType.JSON)
                .body(EncounterFixture.officeVisit().with("serviceLines", List.of(
                        EncounterFixture.line("99214", List.of(), 1, List.of(1), "200"))).build())
                .post("/api/v1/encounters").then().statusCode(202).extract().path("id");
        String event = KafkaTestClient.await("claims.encounter-coded.v1", r -> id.equals(r.key()), Duration.ofSeconds(20)).value();
        assertEquals(Set.of(), EventSchemas.violations(EventSchemas.own("claims.encounter-coded.v1"), event));
    }

    @Test
    void schemaRejectsAnEventWithAFloatingPointCharge() {
        String event = """
                {"eventId":"%s","eventType":"EncounterCoded","schemaVersion":1,"occurredAt":"2026-10-14T10:00:00Z",
                 "practiceId":"p","aggregateId":"%s","correlationId":"c","payload":{"encounterId":"%s","externalId":"x",
                 "dateOfService":"2026-10-14","placeOfService":"11",
                 "patient":{"firstName":"A","lastName":"B","dateOfBirth":"1980-01-01","sex":"F",
                  "address":{"line1":"1","city":"c","state":"IL","postalCode":"62701"}},
                 "coverage":{"payerId":"P","memberId":"M","relationship":"self"},
                 "billingProvider":{"npi":"1234567893","taxId":"123456789","name":"n"},
                 "diagnoses":["I10"],
                 "serviceLines":[{"procedureCode":"99213","units":1,"diagnosisPointers":[1],"chargeAmount":150.0}]}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        assertFalse(EventSchemas.violations(EventSchemas.own("claims.encounter-coded.v1"), event).isEmpty());
    }

    @Test
    void claimAssembledAsThisServiceReadsItMatchesBillingsSchema() {
        JsonSchema billing = EventSchemas.producedBy("billing-service", "claims.claim-assembled.v1");
        String claimId = UUID.randomUUID().toString();
        String encounterId = UUID.randomUUID().toString();
        String event = """
                {"eventId":"%s","eventType":"ClaimAssembled","schemaVersion":1,"occurredAt":"2026-10-14T10:00:00Z",
                 "practiceId":"demo-practice","aggregateId":"%s","correlationId":"%s","causationId":null,
                 "payload":{"claimId":"%s","encounterId":"%s","patientControlNumber":"CF0123456789ABCDEF01",
                  "payerId":"SANDBOX-PPO","memberId":"M123456789","relationship":"self",
                  "subscriber":{"firstName":"Ada","lastName":"Lovelace","dateOfBirth":"1980-02-14","sex":"F"},
                  "billingProviderNpi":"1234567893","dateOfService":"2026-10-14","placeOfService":"11","totalCharge":"162.00",
                  "serviceLines":[{"lineNumber":1,"procedureCode":"99213","modifiers":["25"],"units":1,"chargeAmount":"150.00"},
                                  {"lineNumber":2,"procedureCode":"36415","modifiers":[],"units":1,"chargeAmount":"12.00"}]}}"""
                .formatted(UUID.randomUUID(), claimId, encounterId, claimId, encounterId);
        assertEquals(Set.of(), EventSchemas.violations(billing, event));
    }
}
