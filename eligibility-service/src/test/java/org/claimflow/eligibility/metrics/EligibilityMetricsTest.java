package org.claimflow.eligibility.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.eligibility.gateway.SandboxPayerGateway;
import org.claimflow.eligibility.support.ClaimAssembledFixture;
import org.claimflow.eligibility.support.EligibilityCheckFixture;
import org.claimflow.eligibility.support.SandboxPayer;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

/** The business meters of eligibility-service move with the checks they count, by outcome and origin (issue #10). */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "eligibility"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class EligibilityMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    MeterRegistry registry;

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void resetThePayer() {
        SandboxPayer.healthy();
        breakers.reset(SandboxPayerGateway.BREAKER);
    }

    private double checks(String status, String origin) {
        return registry.find(EligibilityMetrics.CHECKS).tags("status", status, "origin", origin).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private long payerCalls(String payer) {
        return registry.find(EligibilityMetrics.PAYER_CALL).tag("payer", payer).timers().stream().mapToLong(Timer::count).sum();
    }

    @Test
    void countsARealTimeCheckByOutcomeAndTimesItsPayerCall() {
        double active = checks("ACTIVE", "REAL_TIME");
        double notFound = checks("NOT_FOUND", "REAL_TIME");
        long calls = payerCalls("SANDBOX-PPO");

        given().contentType(ContentType.JSON).body(EligibilityCheckFixture.ada().build()).post("/api/v1/eligibility/checks")
                .then().statusCode(201).body("status", equalTo("ACTIVE"));
        given().contentType(ContentType.JSON).body(EligibilityCheckFixture.unknownMember().build()).post("/api/v1/eligibility/checks")
                .then().statusCode(201).body("status", equalTo("NOT_FOUND"));

        assertEquals(active + 1, checks("ACTIVE", "REAL_TIME"));
        assertEquals(notFound + 1, checks("NOT_FOUND", "REAL_TIME"));
        assertEquals(calls + 2, payerCalls("SANDBOX-PPO"));
    }

    /** Checks of this origin, whatever their outcome (a payer slow enough to time out makes an ERROR check). */
    private double checksOf(String origin) {
        return registry.find(EligibilityMetrics.CHECKS).tags("origin", origin).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    @Test
    void countsAClaimsCheckAndABatchsChecksUnderTheirOrigin() {
        double claim = checksOf("CLAIM");
        double batch = checksOf("BATCH");

        ClaimAssembledFixture assembled = ClaimAssembledFixture.officeVisitForAda().practice("metrics-" + UUID.randomUUID());
        KafkaTestClient.send("claims.claim-assembled.v1", assembled.claimId(), assembled.json());
        Map<String, Object> item = new LinkedHashMap<>(EligibilityCheckFixture.grace().build());
        item.remove("practiceId");
        item.remove("providerNpi");
        item.put("reference", "appt-1");
        // A practice of its own (no fresh answer to reuse), so the batch is sent with a token of that practice.
        String batchPractice = "metrics-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("practiceId", batchPractice,
                "providerNpi", EligibilityCheckFixture.PROVIDER_NPI, "items", List.of(item)));
        given().header("Authorization", DefaultTestToken.bearerIn(batchPractice, "metrics-user")).contentType(ContentType.JSON)
                .body(body).post("/api/v1/eligibility/batches").then().statusCode(202);

        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            assertEquals(claim + 1, checksOf("CLAIM"));
            assertEquals(batch + 1, checksOf("BATCH"));
        });
    }

    @Test
    void anUnreadableEventCountsAsADeadLetterOfItsTopic() {
        String topic = "claims.claim-assembled.v1.dlq";
        double dead = registry.find(CountedDeadLetterQueue.METER).tag("topic", topic).counters().stream()
                .mapToDouble(Counter::count).sum();
        KafkaTestClient.send("claims.claim-assembled.v1", "poison-" + UUID.randomUUID(), "this is not an event");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(dead + 1, registry.find(CountedDeadLetterQueue.METER)
                .tag("topic", topic).counters().stream().mapToDouble(Counter::count).sum()));
    }

    @Test
    void exposesTheMetersAndTheCircuitBreakerStateAtTheMetricsEndpoint() {
        given().contentType(ContentType.JSON).body(EligibilityCheckFixture.ada().build()).post("/api/v1/eligibility/checks")
                .then().statusCode(201);
        String metrics = given().get("/q/metrics").then().statusCode(200)
                .body(containsString("claimflow_eligibility_checks_total{origin=\"BATCH\",reused=\"false\",status=\"ERROR\"}"))
                .body(containsString("claimflow_eligibility_payer_call_seconds_bucket{payer=\"SANDBOX-PPO\""))
                .body(containsString("claimflow_outbox_oldest_age_seconds"))
                .extract().asString();
        // SmallRye Fault Tolerance exports the payer gateway's breaker itself; nothing of ours is needed for it.
        assertTrue(metrics.contains("ft_circuitbreaker_state_current{") && metrics.contains("state=\"open\""),
                "the circuit breaker's state is exported");
    }
}
