package org.claimflow.denial.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.denial.support.RoutedDenials.post;
import static org.claimflow.denial.support.RoutedDenials.route;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.denial.persistence.PracticeScope;
import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.denial.support.RoutedDenials;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class DenialAnalyticsTest {

    @Inject
    EntityManager em;

    @Test
    void sumsDeniedRecoveredAndWrittenOffAmountsOfThePracticeInThePeriod() {
        String practice = "analytics-" + UUID.randomUUID().toString().substring(0, 8);
        DefaultTestToken.actIn(practice);
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
    void givesTheFirstPassRateOfOriginalsAndWhatCorrectedClaimsRecovered() {
        String practice = "first-pass-" + UUID.randomUUID().toString().substring(0, 8);
        DefaultTestToken.actIn(practice);
        LocalDate remitted = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        // Three originals: two paid on their first adjudication (one per payer), one with a CO-11 coding denial.
        ClaimAdjudicatedFixture paidPpo = ClaimAdjudicatedFixture.paidOfficeVisit().practice(practice).remittanceDate(remitted);
        ClaimAdjudicatedFixture paidMedicare = ClaimAdjudicatedFixture.paidOfficeVisit().payer("SANDBOX-MEDICARE")
                .practice(practice).remittanceDate(remitted);
        ClaimAdjudicatedFixture denied = ClaimAdjudicatedFixture.lineDenied("CO", "11", "M76").practice(practice)
                .remittanceDate(remitted);
        KafkaTestClient.send("claims.claim-adjudicated.v1", paidPpo.claimId(), paidPpo.json());
        KafkaTestClient.send("claims.claim-adjudicated.v1", paidMedicare.claimId(), paidMedicare.json());
        String denialId = route(denied);
        // The payer reverses the denied original when it takes the replacement: neither a denial nor a second first pass.
        ClaimAdjudicatedFixture reversal = denied.laterRemittance().outcome("REVERSED").remittanceDate(remitted.plusDays(3));
        KafkaTestClient.send("claims.claim-adjudicated.v1", reversal.claimId(), reversal.json());
        post("/api/v1/denials/" + denialId + "/corrections", "ben", Map.of("frequencyCode", "7", "reason", "Diagnosis pointer fixed."))
                .statusCode(202);
        // The replacement pays line 2 (180.00 after the contractual write-off); line 1 is paid again as before.
        ClaimAdjudicatedFixture replacement = ClaimAdjudicatedFixture.replacementOf(denied).remittanceDate(remitted.plusDays(5))
                .withLine("99213", "150.00", "67.00", List.of(), ClaimAdjudicatedFixture.adjustment("CO", "45", "58.00"),
                        ClaimAdjudicatedFixture.adjustment("PR", "3", "25.00"))
                .withLine("71046", "250.00", "180.00", List.of(), ClaimAdjudicatedFixture.adjustment("CO", "45", "70.00"));
        KafkaTestClient.send("claims.claim-adjudicated.v1", replacement.claimId(), replacement.json());
        // Billing re-sends the replacement's remittance: credited once.
        ClaimAdjudicatedFixture resent = replacement.redelivered();
        KafkaTestClient.send("claims.claim-adjudicated.v1", resent.claimId(), resent.json());

        await().atMost(RoutedDenials.WAIT).untilAsserted(() -> given().get("/api/v1/denials/" + denialId).then()
                .body("history.kind", hasItem("RECOVERED_BY_CORRECTION")));
        awaitProcessed(paidPpo.eventId(), paidMedicare.eventId(), reversal.eventId(), resent.eventId());

        given().get("/api/v1/denials/" + denialId).then()
                .body("status", equalTo("CORRECTED"))
                .body("history.findAll { it.kind == 'RECOVERED_BY_CORRECTION' }.detail", contains("Replacement claim "
                        + replacement.claimId() + " adjudicated " + remitted.plusDays(5) + ": paid 180.00 for line 2."));
        given().queryParam("claimId", denied.claimId()).get("/api/v1/denials").then().body("total", equalTo(1));
        given().queryParam("practiceId", practice).queryParam("from", remitted.toString())
                .queryParam("to", remitted.plusDays(30).toString())
                .get("/api/v1/denials/analytics").then().statusCode(200)
                .body("denialCount", equalTo(1))
                .body("originalClaims", equalTo(3))
                .body("firstPassClaims", equalTo(2))
                .body("firstPassRate", equalTo("0.6667"))
                .body("firstPassByPayer.payerId", contains("SANDBOX-PPO", "SANDBOX-MEDICARE"))
                .body("firstPassByPayer.originalClaims", contains(2, 1))
                .body("firstPassByPayer.firstPassClaims", contains(1, 1))
                .body("firstPassByPayer.firstPassRate", contains("0.5000", "1.0000"))
                .body("recovered", equalTo("0.00"))
                .body("denialsRecoveredByCorrection", equalTo(1))
                .body("recoveredByCorrection", equalTo("180.00"));
    }

    @Test
    void countsAnEventWithoutFrequencyCodeAsAnOriginalAndOmitsTheRateWithoutOriginals() {
        String practice = "no-frequency-" + UUID.randomUUID().toString().substring(0, 8);
        DefaultTestToken.actIn(practice);
        LocalDate remitted = LocalDate.now(ZoneOffset.UTC).minusDays(10);
        given().queryParam("practiceId", practice).get("/api/v1/denials/analytics").then().statusCode(200)
                .body("originalClaims", equalTo(0))
                .body("$", not(hasKey("firstPassRate")));
        // As billing sent ClaimAdjudicated before frequencyCode and replacesClaimId existed.
        ClaimAdjudicatedFixture legacy = ClaimAdjudicatedFixture.paidOfficeVisit().practice(practice).remittanceDate(remitted)
                .withPayload("frequencyCode", null).withPayload("replacesClaimId", null);
        KafkaTestClient.send("claims.claim-adjudicated.v1", legacy.claimId(), legacy.json());
        awaitProcessed(legacy.eventId());
        given().queryParam("practiceId", practice).get("/api/v1/denials/analytics").then().statusCode(200)
                .body("originalClaims", equalTo(1))
                .body("firstPassRate", equalTo("1.0000"));
    }

    /** Waits until the service has consumed the events (their ids are in the inbox). */
    private void awaitProcessed(String... eventIds) {
        for (String eventId : eventIds) {
            // The inbox of every practice: the test inspects as the cross-practice jobs do (row-level security).
            await().atMost(RoutedDenials.WAIT).until(() -> PracticeScope.acrossPractices(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                    .createNativeQuery("select count(*) from processed_event where event_id = cast(:id as uuid)")
                    .setParameter("id", eventId).getSingleResult()).intValue() == 1)));
        }
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        given().queryParam("from", "2026-10-02").queryParam("to", "2026-10-01").get("/api/v1/denials/analytics").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("from"));
        given().queryParam("from", "yesterday").get("/api/v1/denials/analytics").then()
                .statusCode(400).body("errors.field", contains("from"));
    }
}
