package org.claimflow.coding.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.claimflow.coding.support.CodeSetsReady;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The demo scenarios that PipelineIT plays end to end, through the real edit engine and the loaded code
 * sets: only the one expected HELD_FOR_CODING may be held; every other must pass coding (warnings allowed).
 */
@QuarkusTest
class DemoScenariosTest {

    private static final Path SCENARIOS = Path.of("../deploy/local-stack/src/main/resources/demo/scenarios.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onlyTheScenarioExpectedHeldForCodingIsHeld() throws IOException {
        CodeSetsReady.await();
        JsonNode scenarios = JSON.readTree(Files.readString(SCENARIOS));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JsonNode scenario : scenarios) {
            String expected = scenario.at("/expect/outcome").asText();
            ObjectNode encounter = (ObjectNode) scenario.get("encounter").deepCopy();
            encounter.put("externalId", "DEMO-" + UUID.randomUUID());
            JsonNode result = JSON.readTree(given().contentType(ContentType.JSON).body(encounter.toString())
                    .post("/api/v1/coding/edits").then().statusCode(200).extract().asString());
            String status = result.get("status").asText();
            boolean shouldHold = expected.equals("HELD_FOR_CODING");
            if (shouldHold != status.equals("NEEDS_REVIEW")) {
                wrong.add(scenario.get("name").asText() + " (expected " + expected + "): " + status + " " + result.get("findings"));
            }
            checked++;
        }
        assertEquals(10, checked, "scenario count changed; review this test");
        assertEquals(List.of(), wrong);
    }
}
