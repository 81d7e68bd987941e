package org.claimflow.sandbox.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.sandbox.fixtures.SandboxClient.post270;
import static org.claimflow.sandbox.fixtures.SandboxClient.post837;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.claimflow.sandbox.fixtures.Claim837Fixture;
import org.claimflow.sandbox.fixtures.Inquiry270Fixture;
import org.claimflow.sandbox.fixtures.SandboxClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SandboxControlsTest {

    @AfterEach
    void switchFaultsOff() {
        given().contentType("application/json").body(Map.of("mode", "NONE")).put("/sandbox/faults").then().statusCode(200);
    }

    @Test
    void downSwitchAnswers503ProblemOnX12Endpoints() {
        given().contentType("application/json").body(Map.of("mode", "DOWN")).put("/sandbox/faults")
                .then().statusCode(200).body("mode", equalTo("DOWN"));

        post837(Claim837Fixture.adaOfficeVisit().build()).then().statusCode(503)
                .contentType(startsWith("application/problem+json")).header("Retry-After", "5")
                .body("type", equalTo("/problems/payer-unavailable"));
        post270(Inquiry270Fixture.ada().build()).then().statusCode(503);
        given().get("/mailbox").then().statusCode(200);
    }

    @Test
    void slowSwitchDelaysTheAnswer() {
        given().contentType("application/json").body(Map.of("mode", "SLOW", "delayMillis", 400)).put("/sandbox/faults")
                .then().statusCode(200).body("delayMillis", equalTo(400));
        long start = System.nanoTime();

        post270(Inquiry270Fixture.ada().build()).then().statusCode(200);

        assertTrue((System.nanoTime() - start) / 1_000_000 >= 400);
    }

    @Test
    void unknownFaultModeIsA400Problem() {
        given().contentType("application/json").body("{\"mode\":\"BROKEN\"}").put("/sandbox/faults")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("status", equalTo(400));
    }

    @Test
    void negativeDelayIsAValidationProblem() {
        given().contentType("application/json").body(Map.of("mode", "SLOW", "delayMillis", -1)).put("/sandbox/faults")
                .then().statusCode(400).body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem("delayMillis"));
    }

    @Test
    void listsTheSeedMembers() {
        given().get("/sandbox/members").then().statusCode(200).body("$", hasSize(5))
                .body("find { it.memberId == 'MCR1EG4TE5MK73' }.coverageEnd", nullValue())
                .body("find { it.memberId == 'M123456789' }.planName", equalTo("Sandbox PPO Gold"));
    }

    @Test
    void unknownMailboxFileIsA404Problem() {
        given().get("/mailbox/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("type", equalTo("/problems/not-found"));
        given().get("/mailbox/not-a-uuid").then().statusCode(404);
    }

    @Test
    void acknowledgingAFileRemovesItAndIsIdempotent() {
        Set<String> before = SandboxClient.mailboxIds();
        SandboxClient.submit(Claim837Fixture.adaOfficeVisit().build());
        String id = (String) SandboxClient.newMailboxItems(before).get(0).get("id");

        given().delete("/mailbox/" + id).then().statusCode(204);
        given().delete("/mailbox/" + id).then().statusCode(204);

        given().get("/mailbox/" + id).then().statusCode(404);
        given().get("/mailbox").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void mailboxListsItemsWithTypeTimeAndControlNumber() {
        Set<String> before = SandboxClient.mailboxIds();
        SandboxClient.submit(Claim837Fixture.adaOfficeVisit().build());

        Map<String, Object> item = SandboxClient.newMailboxItems(before).get(0);

        assertTrue(item.get("type").equals("277CA"));
        assertTrue(((String) item.get("interchangeControlNumber")).matches("\\d{9}"));
        assertTrue(((String) item.get("createdAt")).matches("\\d{4}-\\d{2}-\\d{2}T.*"));
    }

    @Test
    void openApiSaysThisIsAStandIn() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", containsString("stand-in"));
    }

    @Test
    void isReadyWhenTheSeedIsLoaded() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
