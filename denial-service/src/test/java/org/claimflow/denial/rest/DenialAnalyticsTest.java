package org.claimflow.denial.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.denial.support.RoutedDenials.post;
import static org.claimflow.denial.support.RoutedDenials.route;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class DenialAnalyticsTest {

    @Test
    void sumsDeniedRecoveredAndWrittenOffAmountsOfThePracticeInThePeriod() {
        String practice = "analytics-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate remitted = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        // In the period: two commercial denials (96 non-covered 250.00; 27 eligibility 162.00 for the whole claim)
        // and one Medicare authorization denial (197, 250.00).
        String nonCovered = route(ClaimAdjudicatedFixture.lineDenied("CO", "96").practice(practice).remittanceDate(remitted));
        route(ClaimAdjudicatedFixture.wholeClaimDenied("CO", "27", "162.00").practice(practice).remittanceDate(remitted));
        String authorization = route(ClaimAdjudicatedFixture.lineDenied("CO", "197").payer("SANDBOX-MEDICARE")
                .practice(practice).remittanceDate(remitted));
        // Outside the period, and another practice in it: neither counts.
        route(ClaimAdjudicatedFixture.lineDenied("CO", "96").practice(practice).remittanceDate(remitted.minusDays(100)));
        route(ClaimAdjudicatedFixture.lineDenied("CO", "96").remittanceDate(remitted));

        String appeal = post("/api/v1/denials/" + nonCovered + "/appeals", "ana", Map.of("reason", "covered", "attachments", List.of()))
                .statusCode(201).extract().path("id");
        post("/api/v1/appeals/" + appeal + "/submission", "ana", Map.of()).statusCode(200);
        post("/api/v1/appeals/" + appeal + "/outcome", "ana", Map.of("outcome", "WON", "recoveredAmount", "180.00")).statusCode(200);
        post("/api/v1/denials/" + authorization + "/status", "ana", Map.of("status", "WRITTEN_OFF", "reason", "no authorization"))
                .statusCode(200);

        given().queryParam("practiceId", practice).queryParam("from", remitted.minusDays(1).toString())
                .queryParam("to", remitted.toString())
                .get("/api/v1/denials/analytics").then().statusCode(200)
                .body("denialCount", equalTo(3))
                .body("amountDenied", equalTo("662.00"))
                .body("byPayer.key", contains("SANDBOX-PPO", "SANDBOX-MEDICARE"))
                .body("byPayer.count", contains(2, 1))
                .body("byPayer.amount", contains("412.00", "250.00"))
                .body("byCategory.key", contains("AUTHORIZATION", "NON_COVERED", "ELIGIBILITY"))
                .body("byCategory.amount", contains("250.00", "250.00", "162.00"))
                .body("byCarc.key", contains("197", "96", "27"))
                .body("byCarc.find { it.key == '96' }.description", startsWith("Non-covered charge(s)."))
                .body("appealsWon", equalTo(1))
                .body("appealsLost", equalTo(0))
                .body("recovered", equalTo("180.00"))
                .body("writtenOff", equalTo("250.00"));
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        given().queryParam("from", "2026-10-02").queryParam("to", "2026-10-01").get("/api/v1/denials/analytics").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("from"));
        given().queryParam("from", "yesterday").get("/api/v1/denials/analytics").then()
                .statusCode(400).body("errors.field", contains("from"));
    }
}
