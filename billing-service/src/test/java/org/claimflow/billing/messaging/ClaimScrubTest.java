package org.claimflow.billing.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.claimflow.billing.support.ClaimApi.awaitStatus;
import static org.claimflow.billing.support.ClaimApi.claim;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.billing.support.EligibilityCheckedFixture;
import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The claim scrubber holds what a payer would reject before it is batched (SCRUB_HOLD, findings on the claim),
 * and a data correction re-runs it and releases the claim for submission.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class ClaimScrubTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    /** A practice without a provider registry row: the billing address is the one the encounter carries. */
    private static EncounterCodedFixture billedFrom(String line1) {
        Map<String, Object> address = new LinkedHashMap<>(Map.of("line1", line1, "city", "Springfield", "state", "IL", "postalCode", "627011234"));
        address.put("line2", null);
        DefaultTestToken.actIn("scrub-practice");
        return EncounterCodedFixture.officeVisitForAda().practice("scrub-practice").withNested("billingProvider", "address", address);
    }

    private static String eligibleClaim(EncounterCodedFixture encounter) {
        KafkaTestClient.send("claims.encounter-coded.v1", encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());
        KafkaTestClient.send("claims.eligibility-checked.v1", claimId, EligibilityCheckedFixture.eligible(claimId, encounter.encounterId())
                .practice(encounter.practiceId()).envelope());
        return claimId;
    }

    private static Map<String, Object> streetAddress() {
        Map<String, Object> address = new LinkedHashMap<>(Map.of("line1", "100 Demo Clinic Way", "city", "Springfield", "state", "IL",
                "postalCode", "627011234"));
        address.put("line2", "Suite 200");
        return address;
    }

    @Test
    void holdsAClaimBilledFromAPoBoxAndReleasesItOnceTheAddressIsCorrected() {
        String claimId = eligibleClaim(billedFrom("PO Box 4410"));

        JsonPath held = awaitStatus(claimId, "SCRUB_HOLD", WAIT);
        List<Map<String, Object>> findings = held.getList("scrubFindings");
        assertEquals(List.of("BILLING_ADDRESS_PO_BOX"), findings.stream().map(f -> f.get("ruleId")).toList());
        assertEquals("ERROR", findings.get(0).get("severity"));
        assertEquals("billingProvider.address.line1", findings.get(0).get("field"));
        assertFalse(((String) findings.get(0).get("suggestedFix")).isBlank());
        assertTrue(held.getList("history.kind").contains("SCRUB_HOLD"));
        given().get("/api/v1/claims/" + claimId + "/x12").then().statusCode(404);

        // A correction that leaves another error keeps it held, with the new findings.
        given().contentType("application/json").body(Map.of("memberId", "M1234 5678")).post("/api/v1/claims/" + claimId + "/data-corrections")
                .then().statusCode(200).body("status", equalTo("SCRUB_HOLD"))
                .body("scrubFindings.ruleId", equalTo(List.of("BILLING_ADDRESS_PO_BOX", "MEMBER_ID_INVALID")));

        given().contentType("application/json")
                .body(Map.of("memberId", "M123456789", "billingProvider", Map.of("address", streetAddress())))
                .post("/api/v1/claims/" + claimId + "/data-corrections")
                .then().statusCode(200).body("scrubFindings", equalTo(List.of()))
                .body("history.kind", hasItem("DATA_CORRECTED")).body("history.kind", hasItem("RESUBMISSION_READY"));

        // The submission job sends it, with the corrected street address in loop 2010AA.
        String x12 = await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            var response = given().get("/api/v1/claims/" + claimId + "/x12");
            return response.statusCode() == 200 ? response.asString() : null;
        }, s -> s != null);
        assertTrue(x12.contains("N3*100 DEMO CLINIC WAY*SUITE 200") || x12.contains("N3*100 Demo Clinic Way*Suite 200"), x12);
        assertFalse(x12.toUpperCase().contains("PO BOX"), x12);
        List<String> details = claim(claimId).getList("history.detail", String.class);
        assertTrue(details.stream().anyMatch(d -> d.startsWith("Data corrected while SCRUB_HOLD: memberId, billingProvider.address")), details.toString());
        assertFalse(details.stream().anyMatch(d -> d.contains("M1234 5678")), "no patient data in the history");
    }

    @Test
    void aCleanClaimGoesOutWithNoFindingThatHolds() {
        String claimId = eligibleClaim(billedFrom("100 Demo Clinic Way"));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> given().get("/api/v1/claims/" + claimId + "/x12").statusCode() == 200);
        JsonPath sent = claim(claimId);
        assertFalse(sent.getList("history.kind").contains("SCRUB_HOLD"));
        assertEquals(List.of(), sent.getList("scrubFindings"));
    }

    @Test
    void refusesADataCorrectionOfAClaimThatIsNotHeldOrNamesNothing() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForDijkstra();
        KafkaTestClient.send("claims.encounter-coded.v1", encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());
        given().contentType("application/json").body(Map.of("memberId", "M000000000")).post("/api/v1/claims/" + claimId + "/data-corrections")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("/problems/conflict"));
        given().contentType("application/json").body(Map.of()).post("/api/v1/claims/" + claimId + "/data-corrections")
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo("/problems/validation"));
        given().contentType("application/json").body(Map.of("memberId", "M1")).post("/api/v1/claims/00000000-0000-4000-8000-000000000000/data-corrections")
                .then().statusCode(404);
        assertEquals("ASSEMBLED", claim(claimId).getString("status"));
    }
}
