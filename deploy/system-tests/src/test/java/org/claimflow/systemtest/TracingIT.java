package org.claimflow.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.claimflow.systemtest.SystemUnderTest.runner;
import static org.claimflow.systemtest.SystemUnderTest.scenario;
import static org.claimflow.systemtest.SystemUnderTest.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.claimflow.localstack.ClaimflowSystem;
import org.claimflow.localstack.DemoRunner;
import org.claimflow.localstack.TraceParent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.opentelemetry.proto.trace.v1.Span;
import io.restassured.http.ContentType;

/**
 * Issue #10: one encounter is one trace across the four services, through every Kafka hop, the outbox relays and
 * billing's jobs, as an operator's collector would receive it (OTLP/HTTP from the running processes).
 */
class TracingIT {

    @BeforeAll
    static void startTheSystem() {
        SystemUnderTest.system();
    }

    @Test
    void aDeniedEncounterIsOneTraceFromIntakeThroughBillingEligibilityAndDenialBackToCoding() {
        DemoRunner.Scenario mri = scenario("MRI without prior authorization");
        ObjectNode body = mri.encounter().deepCopy();
        String externalId = "TRACE-" + UUID.randomUUID();
        body.put("externalId", externalId);
        TraceParent practice = TraceParent.random();
        String encounterId = given().contentType(ContentType.JSON).header(TraceParent.HEADER, practice.header())
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(body.toString())
                .post(url("coding-service") + "/api/v1/encounters").then().statusCode(202).extract().path("id");
        DemoRunner.Outcome outcome = runner().follow(mri, externalId, encounterId, Instant.now().plus(Duration.ofSeconds(180)));
        assertEquals("DENIED", outcome.outcome(), outcome.toString());

        // Spans arrive in batches from four processes: wait for the whole tree, up to the last hop (coding-service
        // consuming the DenialRouted of the CO-197 denial that denial-service sent to the front desk).
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertOneTreeAcrossTheServices(SystemUnderTest.traces().trace(practice.traceId()), practice));

        List<OtlpReceiver.ReceivedSpan> trace = SystemUnderTest.traces().trace(practice.traceId());
        Map<String, Long> perService = trace.stream().collect(Collectors.groupingBy(OtlpReceiver.ReceivedSpan::service,
                TreeMap::new, Collectors.counting()));
        System.out.println("trace " + practice.traceId() + " of encounter " + encounterId + ", spans per service: " + perService);
        trace.forEach(s -> System.out.println("  " + s.service() + " " + s.kind() + " " + s.name()));
        System.out.println("every span received so far, by service, kind and name: "
                + SystemUnderTest.traces().countsByServiceAndName());
    }

    private static void assertOneTreeAcrossTheServices(List<OtlpReceiver.ReceivedSpan> trace, TraceParent practice) {
        Set<String> services = trace.stream().map(OtlpReceiver.ReceivedSpan::service).collect(Collectors.toSet());
        assertEquals(Set.copyOf(ClaimflowSystem.SERVICES), services);
        assertTrue(trace.stream().anyMatch(s -> s.service().equals("coding-service")
                && s.kind() == Span.SpanKind.SPAN_KIND_CONSUMER && s.name().startsWith("claims.denial-routed.v1")),
                "coding-service consumed the DenialRouted in the encounter's trace");
        for (String event : List.of("ClaimSubmitted", "ClaimAdjudicated")) {
            assertTrue(trace.stream().anyMatch(s -> s.service().equals("billing-service") && s.name().equals(event)),
                    event + " was written by billing's jobs in the encounter's trace");
        }
        // One tree: every span's parent is the practice's span or another span of the trace (nothing dangling, no
        // second root), so the hops through the outbox relays and billing's jobs kept their parents.
        Set<String> ids = trace.stream().map(OtlpReceiver.ReceivedSpan::spanId).collect(Collectors.toSet());
        List<OtlpReceiver.ReceivedSpan> dangling = trace.stream()
                .filter(s -> !s.parentSpanId().equals(practice.spanId()) && !ids.contains(s.parentSpanId())).toList();
        assertEquals(List.of(), dangling, "spans whose parent is not in the trace");
        List<String> offThePractice = trace.stream().filter(s -> s.parentSpanId().equals(practice.spanId()))
                .map(s -> s.service() + " " + s.kind() + " " + s.name()).toList();
        assertEquals(1, offThePractice.size(), "only the intake request hangs off the practice's span: " + offThePractice);
    }
}
