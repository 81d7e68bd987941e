package org.claimflow.denial.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.denial.support.TraceParents;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.KafkaTestClient;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** One encounter, one trace: what denial-service consumes in a trace, it publishes in the same trace. */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class TracePropagationTest {

    private static final String IN = "claims.claim-adjudicated.v1";
    private static final String OUT = "claims.denial-routed.v1";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void routesADenialInTheTraceOfTheClaimAdjudicatedThatCarriedIt() {
        TraceParents billing = TraceParents.random();
        ClaimAdjudicatedFixture claim = ClaimAdjudicatedFixture.lineDenied("CO", "96", "N130");

        billing.send(IN, claim.claimId(), claim.json());
        ConsumerRecord<String, String> routed = KafkaTestClient.await(OUT, r -> claim.claimId().equals(r.key()),
                Duration.ofSeconds(30));

        TraceParents published = TraceParents.of(routed);
        assertEquals(billing.traceId(), published.traceId(), "DenialRouted continues the claim's trace");
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
