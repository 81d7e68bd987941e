package org.claimflow.billing.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.claimflow.billing.support.ClaimApi.assertReconciles;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.claimflow.billing.support.ClaimApi.awaitStatus;
import static org.claimflow.billing.support.ClaimApi.claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.billing.support.ClaimCorrectionRequestedFixture;
import org.claimflow.billing.support.EligibilityCheckedFixture;
import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Replacement (7) and void (8) claims end to end against the sandbox payer, which reverses the original. */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class ClaimCorrectionTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String TOPIC = "claims.claim-correction-requested.v1";

    /** An office visit for Ada taken through to PAID; returns the claim. */
    private static JsonPath paidClaim(EncounterCodedFixture encounter) {
        KafkaTestClient.send("claims.encounter-coded.v1", encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());
        KafkaTestClient.send("claims.eligibility-checked.v1", claimId,
                EligibilityCheckedFixture.eligible(claimId, encounter.encounterId()).envelope());
        JsonPath paid = awaitStatus(claimId, "PAID", WAIT);
        assertTrue(paid.getString("payerClaimControlNumber").startsWith("SBX"), "the 835 numbered the claim");
        return paid;
    }

    private static List<Map<String, Object>> claimsOf(String encounterId) {
        return given().queryParam("encounterId", encounterId).get("/api/v1/claims").then().statusCode(200)
                .extract().jsonPath().getList("items", Map.class).stream().map(m -> (Map<String, Object>) m).toList();
    }

    private static String awaitCorrectedClaim(String encounterId, String frequency) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> claimsOf(encounterId).stream()
                .filter(c -> frequency.equals(c.get("frequencyCode"))).map(c -> (String) c.get("id")).findFirst().orElse(null),
                id -> id != null);
    }

    private static void awaitHistory(String claimId, String kind) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> claim(claimId).getList("history.kind").contains(kind));
    }

    @Test
    void aReplacementIsSubmittedWithRefF8AndTheReversalReplacesTheOriginal() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda();
        JsonPath original = paidClaim(encounter);
        String originalId = original.getString("id");
        String payerNumber = original.getString("payerClaimControlNumber");

        ClaimCorrectionRequestedFixture correction = ClaimCorrectionRequestedFixture.replacement(originalId, encounter.encounterId(), payerNumber);
        KafkaTestClient.send(TOPIC, originalId, correction.envelope());
        KafkaTestClient.send(TOPIC, originalId, correction.envelope());          // redelivery: the inbox drops it
        KafkaTestClient.send(TOPIC, originalId, correction.again().envelope());  // same correction id, new event

        String replacementId = awaitCorrectedClaim(encounter.encounterId(), "7");
        JsonPath replaced = awaitStatus(originalId, "REPLACED", WAIT);
        JsonPath replacement = awaitStatus(replacementId, "PAID", WAIT);

        // The 837 of the replacement: CLM05 = 11:B:7 and REF*F8 = the payer's number of the original.
        String x12 = given().get("/api/v1/claims/" + replacementId + "/x12").then().statusCode(200).extract().asString();
        assertTrue(x12.contains("REF*F8*" + payerNumber), x12);
        String pcn = replacement.getString("patientControlNumber");
        assertTrue(x12.contains("CLM*" + pcn + "*150***11:B:7*"), x12);
        assertNotEquals(original.getString("patientControlNumber"), pcn, "the replacement has its own patient control number");
        assertEquals(originalId, replacement.getString("replacesClaimId"), "and leads back to the original");
        assertEquals(payerNumber, replacement.getString("originalPayerClaimControlNumber"));
        assertNotEquals(payerNumber, replacement.getString("payerClaimControlNumber"), "the payer numbered the replacement anew");

        // Money: the reversal nets the original out (its charge outstanding again, not a receivable: REPLACED);
        // the replacement carries the new adjudication.
        assertReconciles(replaced);
        assertEquals("0.00", replaced.getString("amounts.paid"));
        assertEquals("0.00", replaced.getString("amounts.patientResponsibility"));
        assertEquals("150.00", replaced.getString("amounts.outstanding"));
        assertReconciles(replacement);
        assertEquals("53.60", replacement.getString("amounts.paid"));
        assertEquals("0.00", replacement.getString("amounts.outstanding"));

        List<String> history = replaced.getList("history.detail", String.class);
        assertTrue(history.stream().anyMatch(d -> d.startsWith("Replacement requested for denial " + correction.denialId())), history.toString());
        assertTrue(replacement.getList("history.detail", String.class).stream()
                .anyMatch(d -> d.startsWith("Replacement requested for denial " + correction.denialId())));

        awaitHistory(originalId, "CORRECTION_DUPLICATE_IGNORED");
        assertEquals(2, claimsOf(encounter.encounterId()).size(), "one replacement for one correction id");
    }

    @Test
    void aVoidLeavesTheOriginalVoided() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda();
        JsonPath original = paidClaim(encounter);
        String originalId = original.getString("id");
        String payerNumber = original.getString("payerClaimControlNumber");

        KafkaTestClient.send(TOPIC, originalId, ClaimCorrectionRequestedFixture.voiding(originalId, encounter.encounterId(), payerNumber).envelope());

        String voidId = awaitCorrectedClaim(encounter.encounterId(), "8");
        JsonPath voided = awaitStatus(originalId, "VOIDED", WAIT);
        JsonPath voidClaim = awaitStatus(voidId, "VOIDED", WAIT);
        String x12 = given().get("/api/v1/claims/" + voidId + "/x12").then().statusCode(200).extract().asString();
        assertTrue(x12.contains("REF*F8*" + payerNumber), x12);
        assertTrue(x12.contains("*11:B:8*"), x12);
        assertReconciles(voided);
        assertEquals("0.00", voided.getString("amounts.paid"));
        assertEquals("150.00", voided.getString("amounts.outstanding"));
        assertReconciles(voidClaim);
        assertEquals("0.00", voidClaim.getString("amounts.paid"));
    }

    @Test
    void aClaimThePayerNeverNumberedGetsAHistoryEntryAndNoCorrectedClaim() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda();
        KafkaTestClient.send("claims.encounter-coded.v1", encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());
        KafkaTestClient.send("claims.eligibility-checked.v1", claimId,
                EligibilityCheckedFixture.inactive(claimId, encounter.encounterId()).envelope());
        awaitStatus(claimId, "NOT_ELIGIBLE", WAIT);

        KafkaTestClient.send(TOPIC, claimId, ClaimCorrectionRequestedFixture.replacement(claimId, encounter.encounterId(), null).envelope());
        awaitHistory(claimId, "CORRECTION_NOT_POSSIBLE");
        assertEquals(1, claimsOf(encounter.encounterId()).size());
        assertEquals("NOT_ELIGIBLE", claim(claimId).getString("status"));
    }

    @Test
    void aCorrectionOfAnUnknownClaimGoesToTheDeadLetterTopic() {
        String unknown = UUID.randomUUID().toString();
        KafkaTestClient.send(TOPIC, unknown, ClaimCorrectionRequestedFixture.replacement(unknown, UUID.randomUUID().toString(), "SBX000000000999").envelope());
        KafkaTestClient.await(TOPIC + ".dlq", r -> unknown.equals(r.key()), WAIT);
    }
}
