package org.claimflow.coding.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.DenialRoutedFixture;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.coding.support.TraceParents;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.KafkaTestClient;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * One encounter, one trace: the trace of the practice-management system's request (or a new one) goes on with
 * EncounterCoded, and what coding-service consumes is handled in the trace it carries.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class TracePropagationTest {

    private static final String CODED = "claims.encounter-coded.v1";

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void codeSetsLoaded() {
        CodeSetsReady.await();
    }

    @Test
    void publishesTheEncounterCodedOfAnEncounterPostedWithATraceparentInThatTrace() {
        TraceParents practice = TraceParents.random();
        String id = given().contentType(ContentType.JSON).header(TraceParents.HEADER, practice.header())
                .body(EncounterFixture.officeVisit().build())
                .post("/api/v1/encounters").then().statusCode(202).body("status", equalTo("CODED")).extract().path("id");

        ConsumerRecord<String, String> coded = KafkaTestClient.await(CODED, r -> id.equals(r.key()), Duration.ofSeconds(20));

        TraceParents published = TraceParents.of(coded);
        assertEquals(practice.traceId(), published.traceId(), "EncounterCoded continues the request's trace");
        // The request's server span wrote the outbox row; the relay published the row as that span's child.
        SpanData request = awaitSpan(practice.traceId(), SpanKind.SERVER);
        assertEquals(practice.spanId(), request.getParentSpanId());
        SpanData publish = awaitSpan(practice.traceId(), SpanKind.PRODUCER);
        assertEquals(published.spanId(), publish.getSpanId());
        assertEquals(request.getSpanId(), publish.getParentSpanId());
    }

    @Test
    void handlesAConsumedDenialRoutedInTheTraceItCarries() {
        String id = given().contentType(ContentType.JSON).body(EncounterFixture.officeVisit().build())
                .post("/api/v1/encounters").then().statusCode(202).extract().path("id");
        TraceParents denialService = TraceParents.random();
        DenialRoutedFixture denial = DenialRoutedFixture.codingDenial(id, 1);

        denialService.send(DenialRoutedFixture.TOPIC, denial.claimId(), denial.envelope());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/v1/encounters/" + id).then()
                .body("history.kind", hasItem("REOPENED_BY_DENIAL")));
        SpanData received = awaitSpan(denialService.traceId(), SpanKind.CONSUMER);
        assertEquals(denialService.spanId(), received.getParentSpanId());
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
