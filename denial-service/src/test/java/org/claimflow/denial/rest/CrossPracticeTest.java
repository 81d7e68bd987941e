package org.claimflow.denial.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.denial.support.RoutedDenials.post;
import static org.claimflow.denial.support.RoutedDenials.route;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Practice isolation (issue #8): the practice is the token's. Another practice's denials, notes, corrections and appeals
 * do not exist for the caller (404 on every verb), lists and analytics show none of them, and a practiceId naming another
 * practice is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class CrossPracticeTest {

    private static final String OTHER_PRACTICE = "other-" + UUID.randomUUID().toString().substring(0, 8);
    /** Every role of another practice. */
    private static final String OTHER = DefaultTestToken.bearerIn(OTHER_PRACTICE, "intruder");

    private static io.restassured.response.ValidatableResponse intrude(String path, Map<String, ?> body) {
        return given().header("Authorization", OTHER).contentType(ContentType.JSON).body(body).post(path).then();
    }

    @Test
    void anotherPracticesDenialAndEverythingOnItIsNotFoundForEveryVerb() {
        String denial = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        String note = post("/api/v1/denials/" + denial + "/notes", "ana", Map.of("text", "Records requested."))
                .statusCode(201).extract().path("id");
        String appeal = post("/api/v1/denials/" + denial + "/appeals", "ana", Map.of("reason", "Medically necessary."))
                .statusCode(201).extract().path("id");
        String base = "/api/v1/denials/" + denial;
        for (String path : List.of(base, base + "/notes/" + note, base + "/corrections/" + UUID.randomUUID(),
                "/api/v1/appeals/" + appeal, "/api/v1/appeals/" + appeal + "/letter")) {
            given().header("Authorization", OTHER).get(path).then().statusCode(404).body("type", equalTo("/problems/not-found"));
        }
        intrude(base + "/assignment", Map.of("assignee", "intruder")).statusCode(404);
        intrude(base + "/notes", Map.of("text", "mine now")).statusCode(404);
        intrude(base + "/status", Map.of("status", "WRITTEN_OFF", "reason", "gone")).statusCode(404);
        intrude(base + "/appeals", Map.of("reason", "again")).statusCode(404);
        intrude(base + "/corrections", Map.of("frequencyCode", "8", "reason", "void it")).statusCode(404);
        given().header("Authorization", OTHER).post("/api/v1/appeals/" + appeal + "/submission").then().statusCode(404);
        intrude("/api/v1/appeals/" + appeal + "/outcome", Map.of("outcome", "LOST")).statusCode(404);

        // Untouched: the owner's denial has its own note and appeal only, and no word from the intruder.
        given().get(base).then().statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("notes.text", contains("Records requested.")).body("history.actor", not(hasItem("intruder")));
        given().get("/api/v1/appeals/" + appeal).then().statusCode(200).body("status", not(equalTo("SUBMITTED")));
    }

    @Test
    void listsAndAnalyticsShowOnlyTheCallersPractice() {
        ClaimAdjudicatedFixture remittance = ClaimAdjudicatedFixture.lineDenied("CO", "50");
        String denial = route(remittance);
        given().header("Authorization", OTHER).queryParam("size", 200).get("/api/v1/denials").then().statusCode(200)
                .body("items.id", not(hasItem(denial))).body("items.practiceId", not(hasItem("demo-practice")));
        given().header("Authorization", OTHER).queryParam("claimId", remittance.claimId()).get("/api/v1/denials").then()
                .statusCode(200).body("total", equalTo(0));
        given().header("Authorization", OTHER).get("/api/v1/denials/analytics").then().statusCode(200)
                .body("practiceId", equalTo(OTHER_PRACTICE)).body("denialCount", equalTo(0));
    }

    @Test
    void aPracticeIdNamingAnotherPracticeIsForbiddenAndShowsNothing() {
        for (String path : List.of("/api/v1/denials", "/api/v1/denials/analytics")) {
            given().header("Authorization", OTHER).queryParam("practiceId", "demo-practice").get(path).then()
                    .statusCode(403).body("type", equalTo("/problems/forbidden")).body("items", org.hamcrest.Matchers.nullValue());
        }
    }
}
