package org.claimflow.billing.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Practice isolation (issue #8): the practice is the token's. Another practice's claims and patient accounts do not
 * exist for the caller (404 on every verb), lists show none of them, and a practiceId naming another practice is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class CrossPracticeTest {

    /** Every role of another practice. */
    private static final String OTHER_PRACTICE = "other-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    private static final String OTHER = DefaultTestToken.bearerIn(OTHER_PRACTICE, "intruder");

    private record Owned(String practice, String claimId, String accountId) {
    }

    /** A claim (assembled, never sent) and its patient account in a practice of its own. */
    private static Owned claimOfAnotherPractice() {
        String practice = "cp-" + UUID.randomUUID().toString().substring(0, 8);
        DefaultTestToken.actIn(practice);
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda().practice(practice);
        KafkaTestClient.send("claims.encounter-coded.v1", encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());
        String accountId = await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> ids = given().queryParam("memberId", "M123456789").get("/api/v1/patients").then().statusCode(200)
                    .extract().jsonPath().getList("id");
            return ids.isEmpty() ? null : ids.get(0);
        }, id -> id != null);
        return new Owned(practice, claimId, accountId);
    }

    @Test
    void anotherPracticesClaimAndAccountAreNotFoundForEveryVerb() {
        Owned owned = claimOfAnotherPractice();
        for (String path : List.of("/api/v1/claims/" + owned.claimId(), "/api/v1/claims/" + owned.claimId() + "/x12",
                "/api/v1/patients/" + owned.accountId(), "/api/v1/patients/" + owned.accountId() + "/statement",
                "/api/v1/patients/" + owned.accountId() + "/payments/" + UUID.randomUUID())) {
            given().header("Authorization", OTHER).get(path).then().statusCode(404).body("type", equalTo("/problems/not-found"));
        }
        given().header("Authorization", OTHER).contentType(ContentType.JSON).body(Map.of("memberId", "M999999999"))
                .post("/api/v1/claims/" + owned.claimId() + "/data-corrections").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        given().header("Authorization", OTHER).contentType(ContentType.JSON).body(Map.of("amount", "10.00", "method", "CASH"))
                .post("/api/v1/patients/" + owned.accountId() + "/payments").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        // Untouched: the owner still reads the same balance and member id.
        given().get("/api/v1/claims/" + owned.claimId()).then().statusCode(200).body("practiceId", equalTo(owned.practice()));
        given().get("/api/v1/patients/" + owned.accountId()).then().statusCode(200).body("balance", equalTo("0.00"));
    }

    @Test
    void listsAndSearchesShowOnlyTheCallersPractice() {
        Owned owned = claimOfAnotherPractice();
        given().header("Authorization", OTHER).queryParam("size", 200).get("/api/v1/claims").then().statusCode(200)
                .body("items.id", not(hasItem(owned.claimId()))).body("items.practiceId", not(hasItem(owned.practice())));
        given().header("Authorization", OTHER).queryParam("memberId", "M123456789").get("/api/v1/patients").then()
                .statusCode(200).body("practiceId", not(hasItem(owned.practice())));
        given().header("Authorization", OTHER).get("/api/v1/ar/aging").then().statusCode(200).body("payers", empty());
    }

    @Test
    void aPracticeIdNamingAnotherPracticeIsForbiddenAndShowsNothing() {
        Owned owned = claimOfAnotherPractice();
        for (String path : List.of("/api/v1/claims", "/api/v1/ar/aging")) {
            given().header("Authorization", OTHER).queryParam("practiceId", owned.practice()).get(path).then()
                    .statusCode(403).body("type", equalTo("/problems/forbidden")).body("items", org.hamcrest.Matchers.nullValue());
        }
        given().header("Authorization", OTHER).queryParam("practiceId", owned.practice()).queryParam("memberId", "M123456789")
                .get("/api/v1/patients").then().statusCode(403).body("type", equalTo("/problems/forbidden"));
    }
}
