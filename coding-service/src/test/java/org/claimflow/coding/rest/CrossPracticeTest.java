package org.claimflow.coding.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Practice isolation (issue #8): the practice is the token's. Another practice's encounter does not exist for the
 * caller (404 on every verb), lists show none of it, and a practiceId naming another practice is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class CrossPracticeTest {

    /** Every role of another practice. */
    private static final String OTHER_PRACTICE = "other-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    private static final String OTHER = DefaultTestToken.bearerIn(OTHER_PRACTICE, "intruder");

    @BeforeEach
    void codeSetsLoaded() {
        CodeSetsReady.await();
    }

    /** An encounter of the demo practice held for a coder (an invalid diagnosis). */
    private static String demoEncounter() {
        return given().contentType(ContentType.JSON)
                .body(EncounterFixture.officeVisit().with("diagnoses", List.of("E11.9", "ZZZ.9")).build())
                .post("/api/v1/encounters").then().statusCode(202).extract().path("id");
    }

    @Test
    void anotherPracticesEncounterIsNotFoundForEveryVerb() {
        String id = demoEncounter();
        given().header("Authorization", OTHER).get("/api/v1/encounters/" + id).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        Map<String, Map<String, Object>> actions = Map.of(
                "corrections", Map.of("diagnoses", List.of("E11.9", "I10"), "reason", "fixed"),
                "overrides", Map.of("ruleId", "ICD10_FORMAT", "reason", "the payer accepts this code"),
                "queries", Map.of("question", "Which diagnosis?"),
                "queries/answer", Map.of("answer", "I10"));
        actions.forEach((action, body) -> given().header("Authorization", OTHER).contentType(ContentType.JSON).body(body)
                .post("/api/v1/encounters/" + id + "/" + action).then().statusCode(404)
                .body("type", equalTo("/problems/not-found")));
        // Untouched: still held, no history entry by the intruder.
        given().get("/api/v1/encounters/" + id).then().statusCode(200).body("status", equalTo("NEEDS_REVIEW"))
                .body("history.actor", not(hasItem("intruder")));
    }

    @Test
    void listsShowOnlyTheCallersPractice() {
        String id = demoEncounter();
        List<String> practices = given().header("Authorization", OTHER).queryParam("size", 200).get("/api/v1/encounters")
                .then().statusCode(200).extract().jsonPath().getList("items.practiceId");
        assertFalse(practices.contains("demo-practice"), "no demo-practice encounter in another practice's list");
        given().header("Authorization", OTHER).queryParam("status", "NEEDS_REVIEW").queryParam("size", 200).get("/api/v1/encounters")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void aPracticeIdNamingAnotherPracticeIsForbiddenAndShowsNothing() {
        given().header("Authorization", OTHER).queryParam("practiceId", "demo-practice").get("/api/v1/encounters").then()
                .statusCode(403).body("type", equalTo("/problems/forbidden")).body("items", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", OTHER).contentType(ContentType.JSON).body(EncounterFixture.officeVisit().build())
                .post("/api/v1/encounters").then().statusCode(403).body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void anEncounterWithoutPracticeIdIsTheCallersPractice() {
        Map<String, Object> body = EncounterFixture.officeVisit().build();
        body.remove("practiceId");
        String id = given().header("Authorization", OTHER).contentType(ContentType.JSON).body(body).post("/api/v1/encounters")
                .then().statusCode(202).body("practiceId", equalTo(OTHER_PRACTICE)).extract().path("id");
        given().get("/api/v1/encounters/" + id).then().statusCode(404);
    }
}
