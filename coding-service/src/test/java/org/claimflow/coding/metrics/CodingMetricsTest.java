package org.claimflow.coding.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.DenialRoutedFixture;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.KafkaTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** The business meters of coding-service move when, and only when, the work they count commits (issue #10). */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class CodingMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void codeSetsLoaded() {
        CodeSetsReady.await();
    }

    private double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static String intake(EncounterFixture encounter, String status) {
        return given().contentType(ContentType.JSON).body(encounter.build()).post("/api/v1/encounters")
                .then().statusCode(202).body("status", equalTo(status)).extract().path("id");
    }

    private static EncounterFixture withMalformedDiagnosis() {
        return EncounterFixture.officeVisit().with("diagnoses", List.of("E11.9", "XYZ"));
    }

    @Test
    void countsEncountersByDispositionAndTheFindingsOfTheirFirstEditRun() {
        double coded = count(CodingMetrics.ENCOUNTERS_RECEIVED, "status", "CODED");
        double held = count(CodingMetrics.ENCOUNTERS_RECEIVED, "status", "NEEDS_REVIEW");
        double malformed = count(CodingMetrics.FINDINGS, "rule", "ICD10_FORMAT", "severity", "ERROR");

        intake(EncounterFixture.officeVisit(), "CODED");
        intake(withMalformedDiagnosis(), "NEEDS_REVIEW");

        assertEquals(coded + 1, count(CodingMetrics.ENCOUNTERS_RECEIVED, "status", "CODED"));
        assertEquals(held + 1, count(CodingMetrics.ENCOUNTERS_RECEIVED, "status", "NEEDS_REVIEW"));
        assertEquals(malformed + 1, count(CodingMetrics.FINDINGS, "rule", "ICD10_FORMAT", "severity", "ERROR"));
    }

    @Test
    void anEncounterRefusedAsADuplicateCountsNothing() {
        EncounterFixture encounter = EncounterFixture.officeVisit();
        intake(encounter, "CODED");
        double coded = count(CodingMetrics.ENCOUNTERS_RECEIVED, "status", "CODED");
        given().contentType(ContentType.JSON).body(encounter.build()).post("/api/v1/encounters").then().statusCode(409);
        assertEquals(coded, count(CodingMetrics.ENCOUNTERS_RECEIVED, "status", "CODED"));
    }

    @Test
    void countsCoderActionsThatCommitAndNotThoseRefused() {
        String id = intake(withMalformedDiagnosis(), "NEEDS_REVIEW");
        double queries = count(CodingMetrics.CODER_ACTIONS, "action", "PROVIDER_QUERY");
        double answers = count(CodingMetrics.CODER_ACTIONS, "action", "PROVIDER_ANSWER");
        double corrections = count(CodingMetrics.CODER_ACTIONS, "action", "CORRECTION");
        double overrides = count(CodingMetrics.CODER_ACTIONS, "action", "OVERRIDE");

        post(id, "queries", Map.of("question", "Which diagnosis did you mean?")).statusCode(200);
        post(id, "queries/answer", Map.of("answer", "Essential hypertension.")).statusCode(200);
        // No finding of this rule: refused after the override was counted, so the rollback must drop the count.
        post(id, "overrides", Map.of("ruleId", "NCCI_MUE", "reason", "documented")).statusCode(422);
        post(id, "corrections", Map.of("diagnoses", List.of("E11.9", "I10"), "reason", "provider clarified")).statusCode(200)
                .body("status", equalTo("CODED"));

        assertEquals(queries + 1, count(CodingMetrics.CODER_ACTIONS, "action", "PROVIDER_QUERY"));
        assertEquals(answers + 1, count(CodingMetrics.CODER_ACTIONS, "action", "PROVIDER_ANSWER"));
        assertEquals(corrections + 1, count(CodingMetrics.CODER_ACTIONS, "action", "CORRECTION"));
        assertEquals(overrides, count(CodingMetrics.CODER_ACTIONS, "action", "OVERRIDE"));
    }

    @Test
    void countsEncountersReopenedByAPayersCodingDenialAndDeadLetters() {
        String id = intake(EncounterFixture.officeVisit(), "CODED");
        KafkaTestClient.await("claims.encounter-coded.v1", r -> id.equals(r.key()), WAIT);
        double reopened = count(CodingMetrics.ENCOUNTERS_REOPENED, "payer", "SANDBOX-PPO");
        double dead = count(CountedDeadLetterQueue.METER, "topic", "claims.denial-routed.v1.dlq");

        DenialRoutedFixture denial = DenialRoutedFixture.codingDenial(id, 1);
        KafkaTestClient.send(DenialRoutedFixture.TOPIC, denial.claimId(), denial.envelope());
        DenialRoutedFixture unknownEncounter = DenialRoutedFixture.codingDenial(UUID.randomUUID().toString(), 1);
        KafkaTestClient.send(DenialRoutedFixture.TOPIC, unknownEncounter.claimId(), unknownEncounter.envelope());

        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(reopened + 1, count(CodingMetrics.ENCOUNTERS_REOPENED, "payer", "SANDBOX-PPO"));
            assertEquals(dead + 1, count(CountedDeadLetterQueue.METER, "topic", "claims.denial-routed.v1.dlq"));
        });
    }

    @Test
    void exposesTheMetersAtTheMetricsEndpoint() {
        intake(EncounterFixture.officeVisit(), "CODED");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("claimflow_encounters_received_total{status=\"CODED\"}"))
                .body(containsString("claimflow_coding_coder_actions_total{action=\"OVERRIDE\"}"))
                .body(containsString("claimflow_dlq_records_total{topic=\"claims.claim-assembled.v1.dlq\"}"))
                .body(matchesRegex("(?s).*\\nclaimflow_outbox_backlog [0-9.]+\\n.*"))
                .body(matchesRegex("(?s).*\\nclaimflow_outbox_oldest_age_seconds [0-9.]+\\n.*"));
    }

    private static io.restassured.response.ValidatableResponse post(String id, String action, Object body) {
        return given().contentType(ContentType.JSON).header("X-User", "coder.metrics").body(body)
                .post("/api/v1/encounters/" + id + "/" + action).then();
    }
}
