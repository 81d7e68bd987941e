package org.claimflow.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimflow.localstack.ClaimflowSystem;
import org.claimflow.localstack.PatientDataInLogs;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue #8: no patient data in logs, error bodies or dead-letter headers. A canary patient — a name, date of birth,
 * street address and member id that appear nowhere else — goes through the success path (a claim that is paid), the
 * paths that end early (a member the payer does not know, a diagnosis that holds the encounter for a coder), refused
 * requests (validation errors over the intake and eligibility APIs) and a broken event that is dead-lettered. Then every
 * error body the system answered, every dead-letter header and the four services' logs are searched for the canary.
 */
class PatientDataCanaryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAST = "Quillfeatherz";
    private static final String FIRST = "Ottoline";
    private static final String BORN = "1937-03-19";
    private static final String STREET = "47 Wrenfield Crescent";
    private static final String MEMBER = "CNRY58213";
    private static final Map<String, String> CANARY = Map.of(LAST, "patient last name", FIRST, "patient first name",
            BORN, "patient date of birth", STREET, "patient street address", MEMBER, "member id");
    private static final Set<String> SETTLED = Set.of("PAID", "PARTIALLY_DENIED", "DENIED", "NOT_ELIGIBLE", "SCRUB_HOLD",
            "REJECTED", "SUBMISSION_FAILED");

    @Test
    void theCanaryPatientAppearsInNoLogNoErrorBodyAndNoDeadLetterHeader() throws Exception {
        ClaimflowSystem system = SystemUnderTest.system();
        String coding = system.url("coding-service");
        List<String> errorBodies = new ArrayList<>();

        // Success: the canary with the demo member id the sandbox payer covers.
        String paid = submit(coding, canaryEncounter("M123456789", null));
        // Ends early: a member id the payer does not know; a diagnosis that is no ICD-10-CM code (held for a coder).
        String unknownMember = submit(coding, canaryEncounter(MEMBER, null));
        String held = submit(coding, canaryEncounter("M123456789", List.of("ZZZ.9")));

        // Refused requests that carry the canary: no error body may repeat it.
        ObjectNode bornLater = canaryEncounter(MEMBER, null);
        ((ObjectNode) bornLater.path("patient")).put("dateOfBirth", "2999-01-01");
        errorBodies.add(refused(given().contentType(ContentType.JSON).body(bornLater.toString()).post(coding + "/api/v1/encounters")));
        ObjectNode longName = canaryEncounter(MEMBER, null);
        ((ObjectNode) longName.path("patient")).put("lastName", LAST.repeat(20));
        errorBodies.add(refused(given().contentType(ContentType.JSON).body(longName.toString()).post(coding + "/api/v1/encounters")));
        ObjectNode badUnits = canaryEncounter(MEMBER, null);
        ((ObjectNode) badUnits.path("serviceLines").get(0)).put("units", 1.5);
        errorBodies.add(refused(given().contentType(ContentType.JSON).body(badUnits.toString()).post(coding + "/api/v1/encounters")));
        errorBodies.add(refused(given().contentType(ContentType.JSON)
                .body("{\"patient\": {\"lastName\": \"" + LAST + "\", \"dateOfBirth\": \"" + BORN + "\"")
                .post(coding + "/api/v1/encounters")));
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("payerId", "SANDBOX-PPO");
        check.put("memberId", MEMBER);
        // The canary as subscriber, but no provider and a service type that does not exist: refused with field errors.
        check.put("subscriber", Map.of("firstName", FIRST, "lastName", LAST, "dateOfBirth", BORN));
        check.put("dateOfService", "2026-01-05");
        check.put("serviceTypeCodes", List.of(LAST));
        errorBodies.add(refused(given().contentType(ContentType.JSON).body(check)
                .post(system.url("eligibility-service") + "/api/v1/eligibility/checks")));

        // A broken EncounterCoded event about the canary: billing and denial dead-letter it.
        String poisonKey = "canary-" + UUID.randomUUID();
        ObjectNode poison = JSON.createObjectNode();
        poison.put("eventId", UUID.randomUUID().toString()).put("eventType", "EncounterCoded").put("schemaVersion", 1)
                .put("occurredAt", Instant.now().toString()).put("practiceId", "demo-practice").put("aggregateId", poisonKey);
        poison.putObject("payload").put("encounterId", "not-a-uuid " + LAST).putObject("patient")
                .put("lastName", LAST).put("firstName", FIRST).put("dateOfBirth", BORN).put("memberId", MEMBER);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                system.kafka().bootstrapServers(), "acks", "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("claims.encounter-coded.v1", poisonKey, poison.toString())).get();
        }

        // The pipeline runs its course for the three encounters.
        awaitClaimSettled(system, paid);
        awaitClaimSettled(system, unknownMember);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(
                () -> SystemUnderTest.get(coding + "/api/v1/encounters/" + held).path("status").asText(),
                "NEEDS_REVIEW"::equals);

        List<ConsumerRecord<String, String>> deadLetters = deadLetters(system, "claims.encounter-coded.v1.dlq", poisonKey);
        assertFalse(deadLetters.isEmpty(), "the broken event was dead-lettered");

        List<String> findings = new ArrayList<>();
        for (String body : errorBodies) {
            CANARY.forEach((value, kind) -> {
                if (body.contains(value)) {
                    findings.add("an error body holds the canary's " + kind);
                }
            });
        }
        for (ConsumerRecord<String, String> r : deadLetters) {
            for (Header h : r.headers()) {
                String value = h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
                CANARY.forEach((canary, kind) -> {
                    if (value.contains(canary)) {
                        findings.add("dead-letter header " + h.key() + " holds the canary's " + kind);
                    }
                });
            }
        }
        findings.addAll(PatientDataInLogs.find(system.options().workDir().resolve("logs"), ClaimflowSystem.SERVICES, CANARY));
        System.out.printf("canary scan: %d error bodies, %d dead letters, the services' logs: %d findings%n",
                errorBodies.size(), deadLetters.size(), findings.size());
        assertEquals(List.of(), findings);
    }

    /** The demo's first scenario, as the canary patient, with {@code memberId} and optionally other diagnoses. */
    private static ObjectNode canaryEncounter(String memberId, List<String> diagnoses) {
        ObjectNode body = SystemUnderTest.scenario("office visit, copay and coinsurance").encounter().deepCopy();
        body.put("externalId", "CANARY-" + UUID.randomUUID());
        ObjectNode patient = (ObjectNode) body.path("patient");
        patient.put("firstName", FIRST).put("lastName", LAST).put("dateOfBirth", BORN);
        ((ObjectNode) patient.path("address")).put("line1", STREET);
        ((ObjectNode) body.path("coverage")).put("memberId", memberId);
        if (diagnoses != null) {
            body.set("diagnoses", JSON.valueToTree(diagnoses));
        }
        return body;
    }

    private static String submit(String coding, ObjectNode encounter) {
        return given().contentType(ContentType.JSON).body(encounter.toString()).post(coding + "/api/v1/encounters")
                .then().statusCode(202).extract().path("id");
    }

    private static String refused(Response response) {
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, "refused as a client error: " + status);
        return response.asString();
    }

    private static void awaitClaimSettled(ClaimflowSystem system, String encounterId) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode items = SystemUnderTest.get(system.url("billing-service") + "/api/v1/claims?encounterId=" + encounterId)
                    .path("items");
            return items.isEmpty() ? "" : items.get(0).path("status").asText();
        }, SETTLED::contains);
    }

    private static List<ConsumerRecord<String, String>> deadLetters(ClaimflowSystem system, String topic, String key) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                system.kafka().bootstrapServers(), "group.id", "canary-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            // Both consumers of the topic (billing and denial) dead-letter it; wait for two, or for the deadline.
            while (Instant.now().isBefore(until) && found.size() < 2) {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
