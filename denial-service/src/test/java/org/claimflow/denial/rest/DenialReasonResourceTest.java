package org.claimflow.denial.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;

import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class DenialReasonResourceTest {

    @Test
    void showsASeededClassificationWithTheCarcDescription() {
        given().get("/api/v1/denial-reasons/197").then().statusCode(200)
                .body("description", equalTo("Precertification/authorization/notification/pre-treatment absent."))
                .body("rules[0].groupCode", equalTo("*"))
                .body("rules[0].category", equalTo("AUTHORIZATION"))
                .body("rules[0].queue", equalTo("FRONT_DESK"));
    }

    @Test
    void routesNewDenialsByAClassificationAnOperatorChanged() {
        // CARC 242 (out-of-network provider) is OTHER until an operator says otherwise.
        given().get("/api/v1/denial-reasons/242").then().statusCode(200).body("rules[0].category", equalTo("OTHER"));
        given().contentType(ContentType.JSON).body(Map.of("category", "ELIGIBILITY",
                        "rootCause", "Out-of-network provider: check the patient's network before the visit.",
                        "queue", "FRONT_DESK", "appealable", false, "correctable", true))
                .put("/api/v1/denial-reasons/242").then().statusCode(200)
                .body("rules.category", hasItem("ELIGIBILITY"));

        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.lineDenied("CO", "242");
        KafkaTestClient.send("claims.claim-adjudicated.v1", event.claimId(), event.json());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().queryParam("claimId", event.claimId()).get("/api/v1/denials").then()
                        .body("items[0].category", equalTo("ELIGIBILITY"))
                        .body("items[0].queue", equalTo("FRONT_DESK"))
                        .body("items[0].rootCause", startsWith("Out-of-network provider")));
    }

    @Test
    void answers404ForAnUnknownCarc() {
        given().contentType(ContentType.JSON).body(Map.of("category", "OTHER", "rootCause", "x", "queue", "BILLING",
                        "appealable", false, "correctable", false))
                .put("/api/v1/denial-reasons/ZZZ").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void refusesAClassificationWithoutQueueOrWithAnUnknownCategory() {
        given().contentType(ContentType.JSON).body(Map.of("category", "OTHER", "rootCause", "x",
                        "appealable", false, "correctable", false))
                .put("/api/v1/denial-reasons/242").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("queue"));
        given().contentType(ContentType.JSON).body(Map.of("category", "WHATEVER", "rootCause", "x", "queue", "BILLING",
                        "appealable", false, "correctable", false))
                .put("/api/v1/denial-reasons/242").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("category"));
    }
}
