package org.claimflow.coding.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.DenialRoutedFixture;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.coding.support.EventSchemas;
import org.claimflow.localstack.KafkaTestClient;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** The optional additions to DenialRouted (docs/events.md) that this service reads. */
    private static final List<String> DENIAL_ROUTED_ADDITIONS = List.of("payerClaimControlNumber", "dateOfService", "reasons", "remarkCodes");

    @Test
    void denialRoutedAsThisServiceReadsItMatchesDenialServicesSchema() {
        JsonSchema denial = EventSchemas.producedBy("denial-service", "claims.denial-routed.v1");
        String encounterId = UUID.randomUUID().toString();
        List<DenialRoutedFixture> samples = List.of(
                DenialRoutedFixture.codingDenial(encounterId, 2),
                DenialRoutedFixture.codingDenial(encounterId, 1).with("lineNumbers", List.of()),
                DenialRoutedFixture.required(encounterId, 1),
                DenialRoutedFixture.codingDenial(encounterId, 1).queue("BILLING", "NON_COVERED", "96"),
                DenialRoutedFixture.required(null, 1).queue("FRONT_DESK", "ELIGIBILITY", "27"));
        for (DenialRoutedFixture sample : samples) {
            assertEquals(Set.of(), EventSchemas.violations(denial, sample.envelope()), sample.envelope());
        }
    }

    /**
     * denial-service adds the optional fields to its schema in parallel with this consumer. Until it has, the samples
     * above pass only because its payload schema does not forbid additional properties; once it declares them,
     * the same samples are checked against their declared types. Either way none of them may become required.
     */
    @Test
    void denialServicesSchemaDeclaresOrAllowsTheOptionalFieldsThisServiceReads() {
        JsonNode payload = EventSchemas.producedByJson("denial-service", "claims.denial-routed.v1").at("/$defs/payload");
        JsonNode additional = payload.path("additionalProperties");
        boolean open = additional.isMissingNode() || (additional.isBoolean() && additional.asBoolean()) || additional.isObject();
        List<String> required = new ArrayList<>();
        payload.path("required").forEach(r -> required.add(r.asText()));
        for (String field : DENIAL_ROUTED_ADDITIONS) {
            assertTrue(open || payload.path("properties").has(field),
                    "denial-service's payload schema neither declares nor allows " + field);
            assertFalse(required.contains(field), field + " is an optional addition, not a required field");
        }
    }

    @Test
    void denialServicesSchemaRejectsADenialThisServiceCouldNotRead() {
        JsonSchema denial = EventSchemas.producedBy("denial-service", "claims.denial-routed.v1");
        DenialRoutedFixture noDenialId = DenialRoutedFixture.codingDenial(UUID.randomUUID().toString(), 1);
        noDenialId.payload().remove("denialId");
        assertFalse(EventSchemas.violations(denial, noDenialId.envelope()).isEmpty());
        DenialRoutedFixture wordLine = DenialRoutedFixture.codingDenial(UUID.randomUUID().toString(), 1).with("lineNumbers", List.of("two"));
        assertFalse(EventSchemas.violations(denial, wordLine.envelope()).isEmpty());
    }
}
