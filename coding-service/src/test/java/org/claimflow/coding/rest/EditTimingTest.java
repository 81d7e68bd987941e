package org.claimflow.coding.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** The edit engine's own time leaves in Server-Timing, and bench/edits.sh reads it from a running service. */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class EditTimingTest {

    private static final String EDITS_TIMING = "edits;dur=[0-9]+\\.[0-9]{3}";

    @BeforeEach
    void codeSetsLoaded() {
        CodeSetsReady.await();
    }

    @Test
    void dryRunReportsTheEditEngineTimeInServerTiming() {
        given().contentType(ContentType.JSON).body(EncounterFixture.officeVisit().build())
                .post("/api/v1/coding/edits").then().statusCode(200)
                .header("Server-Timing", matchesPattern(EDITS_TIMING));
    }

    @Test
    void intakeReportsTheEditTimeButAReplayRunsNoEditAndReportsNone() {
        String key = UUID.randomUUID().toString();
        var body = EncounterFixture.officeVisit().build();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/encounters").then().statusCode(202)
                .header("Server-Timing", matchesPattern(EDITS_TIMING));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/encounters").then().statusCode(202)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Server-Timing", nullValue());
    }

    @Test
    void benchmarkScriptReportsPercentilesOfAServiceItMeasures() throws Exception {
        assumeTrue(nodeAvailable(), "node is not installed: bench/edits.sh can not run here");
        Path out = Files.createTempFile("edits-bench", ".txt");
        ProcessBuilder pb = new ProcessBuilder("bash", "bench/edits.sh", "30").redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("BASE_URL", "http://localhost:" + RestAssured.port);
        pb.environment().put("WARMUP", "5");
        // A coder of the practice the benchmark encounters name, signed with the key this test JVM gave the service.
        pb.environment().put("TOKEN", org.claimflow.localstack.Tokens.forThisJvm().mint("bench-practice", "bench", java.util.List.of("coder")));
        Process run = pb.start();
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "benchmark did not finish");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, run.exitValue(), text);
        List<String> lines = text.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+p50\\s+p95\\s+p99\\s+max\\s+\\(ms\\)")), text);
        assertTrue(lines.stream().anyMatch(l -> l.matches("server edits;dur(\\s+[0-9]+\\.[0-9]{3}){4}")), text);
        assertTrue(lines.stream().anyMatch(l -> l.matches("client round trip(\\s+[0-9]+\\.[0-9]{3}){4}")), text);
        // Realistic encounters: some pass, and the PTP, MUE and add-on edits all fire somewhere in 30 of them.
        String summary = lines.stream().filter(l -> l.startsWith("held (NEEDS_REVIEW)")).findFirst().orElseThrow();
        assertTrue(summary.contains("NCCI_PTP") && summary.contains("NCCI_MUE"), summary);
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
