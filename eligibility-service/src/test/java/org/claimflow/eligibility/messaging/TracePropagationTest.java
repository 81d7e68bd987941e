package org.claimflow.eligibility.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.claimflow.eligibility.support.ClaimAssembledFixture;
import org.claimflow.eligibility.support.TraceParents;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** One encounter, one trace: what eligibility-service consumes in a trace, it publishes in the same trace. */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "eligibility"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class TracePropagationTest {

    private static final String IN = "claims.claim-assembled.v1";
    private static final String OUT = "claims.eligibility-checked.v1";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void publishesEligibilityCheckedInTheTraceOfTheClaimAssembledItAnswers() {
        TraceParents billing = TraceParents.random();
        ClaimAssembledFixture claim = ClaimAssembledFixture.officeVisitForAda()
                .practice("practice-" + UUID.randomUUID().toString().substring(0, 8));

        billing.send(IN, claim.claimId(), claim.json());
        ConsumerRecord<String, String> checked = KafkaTestClient.await(OUT, r -> claim.claimId().equals(r.key()),
                Duration.ofSeconds(30));

        TraceParents published = TraceParents.of(checked);
        assertEquals(billing.traceId(), published.traceId(), "EligibilityChecked continues the claim's trace");
        // The record was handled in the consumer span that continues billing's, and the outbox row written while
        // handling it made the relay's publish span that span's child: the header names that publish span.
        SpanData received = awaitSpan(billing.traceId(), SpanKind.CONSUMER);
        assertEquals(billing.spanId(), received.getParentSpanId());
        SpanData publish = awaitSpan(billing.traceId(), SpanKind.PRODUCER);
        assertEquals(published.spanId(), publish.getSpanId());
        assertEquals(received.getSpanId(), publish.getParentSpanId());
    }

    @Test
    void exportsNothingUnlessAnEndpointIsConfigured() {
        // Blank, not unset: unset, Quarkus would export to http://localhost:4317 and log each failure where no
        // collector runs; blank, it creates no exporter (spans are still made for the logs).
        assertTrue(ConfigProvider.getConfig().getValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class).isBlank());
    }

    private SpanData awaitSpan(String traceId, SpanKind kind) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> spansOf(traceId, kind), l -> l.size() == 1).get(0);
    }

    private List<SpanData> spansOf(String traceId, SpanKind kind) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == kind).toList();
    }
}
