package org.claimflow.billing.messaging;

import static org.awaitility.Awaitility.await;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.claimflow.billing.support.EligibilityCheckedFixture;
import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.billing.support.TraceParents;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * One encounter, one trace: billing publishes ClaimAssembled in the trace of the EncounterCoded it consumed, and
 * the ClaimSubmitted and ClaimAdjudicated its jobs write later (from no consumed record) in that same trace.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class TracePropagationTest {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void keepsEveryEventOfAClaimInTheTraceOfTheEncounterItWasAssembledFrom() {
        TraceParents coding = TraceParents.random();
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda();
        coding.send("claims.encounter-coded.v1", encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());

        TraceParents assembled = TraceParents.of(published("claims.claim-assembled.v1", claimId));
        assertEquals(coding.traceId(), assembled.traceId(), "ClaimAssembled continues the encounter's trace");
        SpanData received = awaitSpan(s -> s.getTraceId().equals(coding.traceId()) && s.getKind() == SpanKind.CONSUMER);
        assertEquals(coding.spanId(), received.getParentSpanId());
        SpanData publishAssembled = awaitSpan(s -> s.getSpanId().equals(assembled.spanId()));
        assertEquals(received.getSpanId(), publishAssembled.getParentSpanId());

        // Eligibility answers in a trace of its own here, so only the claim's stored trace can explain what follows.
        TraceParents eligibility = TraceParents.random();
        eligibility.send("claims.eligibility-checked.v1", claimId,
                EligibilityCheckedFixture.eligible(claimId, encounter.encounterId()).envelope());

        TraceParents submitted = TraceParents.of(published("claims.claim-submitted.v1", claimId));
        assertEquals(coding.traceId(), submitted.traceId(), "ClaimSubmitted stays in the encounter's trace");
        assertWrittenInTheClaimsTraceLinkedToAFile("ClaimSubmitted", coding, received);

        TraceParents adjudicated = TraceParents.of(published("claims.claim-adjudicated.v1", claimId));
        assertEquals(coding.traceId(), adjudicated.traceId(), "ClaimAdjudicated stays in the encounter's trace");
        assertWrittenInTheClaimsTraceLinkedToAFile("ClaimAdjudicated", coding, received);
    }

    /** The job wrote the event in a span under the span the claim was assembled in, linked to the file's own span. */
    private void assertWrittenInTheClaimsTraceLinkedToAFile(String event, TraceParents encounter, SpanData assembledIn) {
        SpanData written = awaitSpan(s -> s.getTraceId().equals(encounter.traceId()) && s.getName().equals(event));
        assertEquals(assembledIn.getSpanId(), written.getParentSpanId());
        List<LinkData> links = written.getLinks();
        assertEquals(1, links.size(), event + " links the span of the file it came from");
        String fileTrace = links.get(0).getSpanContext().getTraceId();
        assertNotEquals(encounter.traceId(), fileTrace);
        SpanData file = awaitSpan(s -> s.getSpanId().equals(links.get(0).getSpanContext().getSpanId()));
        assertEquals(SpanKind.INTERNAL, file.getKind());
    }

    private static ConsumerRecord<String, String> published(String topic, String claimId) {
        return KafkaTestClient.await(topic, r -> claimId.equals(r.key()), EVENT_WAIT);
    }

    private SpanData awaitSpan(Predicate<SpanData> match) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> spans.getFinishedSpanItems().stream().filter(match).toList(), l -> l.size() == 1).get(0);
    }
}
