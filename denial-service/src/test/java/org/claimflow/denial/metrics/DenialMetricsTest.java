package org.claimflow.denial.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.claimflow.denial.support.RoutedDenials.post;
import static org.claimflow.denial.support.RoutedDenials.route;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.KafkaTestClient;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The business meters of denial-service move with the work they count, and the queue gauges follow the denial table
 * (the test profile reads them without the cache, claimflow.denial.queue-gauges.max-age=0s) (issue #10).
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class DenialMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MeterRegistry registry;

    private double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double gauge(String name, String queue) {
        Gauge gauge = registry.find(name).tag("queue", queue).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    @Test
    void countsARoutedDenialWithItsAmountAndShowsItOpenInItsQueue() {
        double routed = count(DenialMetrics.ROUTED, "category", "NON_COVERED", "queue", "BILLING");
        double amount = count(DenialMetrics.ROUTED_AMOUNT, "category", "NON_COVERED", "queue", "BILLING");
        double open = gauge(DenialQueueGauges.OPEN, "BILLING");

        route(ClaimAdjudicatedFixture.lineDenied("CO", "96", "N130"));

        assertEquals(routed + 1, count(DenialMetrics.ROUTED, "category", "NON_COVERED", "queue", "BILLING"));
        assertEquals(amount + 250.00, count(DenialMetrics.ROUTED_AMOUNT, "category", "NON_COVERED", "queue", "BILLING"), 0.001);
        assertEquals(open + 1, gauge(DenialQueueGauges.OPEN, "BILLING"));
    }

    @Test
    void showsADenialNobodyWorkedBeforeItsAppealDeadlineAsPastDeadline() {
        double past = gauge(DenialQueueGauges.PAST_DEADLINE, "FRONT_DESK");
        // SANDBOX-PPO allows 180 days from the remittance date: two years ago is long past.
        route(ClaimAdjudicatedFixture.lineDenied("CO", "197").remittanceDate(LocalDate.now().minusYears(2)));
        assertEquals(past + 1, gauge(DenialQueueGauges.PAST_DEADLINE, "FRONT_DESK"));
    }

    @Test
    void countsAnAppealSubmittedAndWonAndACorrectionRequested() {
        double submitted = count(DenialMetrics.APPEALS, "outcome", "SUBMITTED");
        double won = count(DenialMetrics.APPEALS, "outcome", "WON");
        double replacements = count(DenialMetrics.CORRECTIONS, "kind", "REPLACEMENT");

        String appealed = route(ClaimAdjudicatedFixture.lineDenied("CO", "197"));
        String appealId = post("/api/v1/denials/" + appealed + "/appeals", "ana", Map.of("reason", "Authorized by phone."))
                .statusCode(201).extract().path("id");
        post("/api/v1/appeals/" + appealId + "/submission", "ana", Map.of()).statusCode(200);
        // A second submission is refused: it rolls back and counts nothing.
        post("/api/v1/appeals/" + appealId + "/submission", "ana", Map.of()).statusCode(409);
        post("/api/v1/appeals/" + appealId + "/outcome", "ben", Map.of("outcome", "WON", "recoveredAmount", "212.50"))
                .statusCode(200);
        String corrected = route(ClaimAdjudicatedFixture.lineDenied("CO", "4"));
        post("/api/v1/denials/" + corrected + "/corrections", "coder-ed",
                Map.of("frequencyCode", "7", "reason", "Modifier 25 added to the office visit.")).statusCode(202);

        assertEquals(submitted + 1, count(DenialMetrics.APPEALS, "outcome", "SUBMITTED"));
        assertEquals(won + 1, count(DenialMetrics.APPEALS, "outcome", "WON"));
        assertEquals(replacements + 1, count(DenialMetrics.CORRECTIONS, "kind", "REPLACEMENT"));
    }

    @Test
    void anUnreadableEventCountsAsADeadLetterOfItsTopic() {
        String topic = "claims.claim-adjudicated.v1.dlq";
        double dead = count(CountedDeadLetterQueue.METER, "topic", topic);
        KafkaTestClient.send("claims.claim-adjudicated.v1", "poison-" + UUID.randomUUID(), "this is not an event");
        await().atMost(WAIT).untilAsserted(() -> assertEquals(dead + 1, count(CountedDeadLetterQueue.METER, "topic", topic)));
    }

    @Test
    void exposesTheMetersAtTheMetricsEndpoint() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("claimflow_denials_open{queue=\"CODING\"}"))
                .body(containsString("claimflow_denials_past_deadline{queue=\"BILLING\"}"))
                .body(containsString("claimflow_denials_appeals_total{outcome=\"LOST\"}"))
                .body(containsString("claimflow_denials_corrections_requested_total{kind=\"VOID\"}"))
                .body(containsString("claimflow_dlq_records_total{topic=\"claims.encounter-coded.v1.dlq\"}"))
                .body(containsString("claimflow_outbox_oldest_age_seconds"));
    }
}
