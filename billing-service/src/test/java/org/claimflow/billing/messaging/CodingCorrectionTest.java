package org.claimflow.billing.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.claimflow.billing.support.ClaimApi.assertReconciles;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.claimflow.billing.support.ClaimApi.awaitStatus;
import static org.claimflow.billing.support.ClaimApi.claim;
import static org.claimflow.billing.support.EncounterCodedFixture.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.billing.support.ClaimCorrectionRequestedFixture;
import org.claimflow.billing.support.EligibilityCheckedFixture;
import org.claimflow.billing.support.EventSchemas;
import org.claimflow.billing.support.RemittanceFixture;
import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A coder's correction after a coding denial (EncounterCoded with a {@code correction}) becomes a replacement
 * claim (7) built from the corrected codes, end to end against the sandbox payer, which reverses the original.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class CodingCorrectionTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "claims.encounter-coded.v1";

    private static JsonPath paidClaim(EncounterCodedFixture encounter) {
        KafkaTestClient.send(TOPIC, encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());
        KafkaTestClient.send("claims.eligibility-checked.v1", claimId,
                EligibilityCheckedFixture.eligible(claimId, encounter.encounterId()).practice(encounter.practiceId()).envelope());
        JsonPath paid = awaitStatus(claimId, "PAID", WAIT);
        assertTrue(paid.getString("payerClaimControlNumber").startsWith("SBX"), "the 835 numbered the claim");
        return paid;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> claimsOf(String encounterId) {
        return given().queryParam("encounterId", encounterId).get("/api/v1/claims").then().statusCode(200)
                .extract().jsonPath().getList("items", Map.class).stream().map(m -> (Map<String, Object>) m).toList();
    }

    private static String awaitReplacement(String encounterId) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> claimsOf(encounterId).stream()
                .filter(c -> "7".equals(c.get("frequencyCode"))).map(c -> (String) c.get("id")).findFirst().orElse(null),
                id -> id != null);
    }

    private static JsonNode awaitAdjudicated(String claimId) {
        try {
            return JSON.readTree(KafkaTestClient.await("claims.claim-adjudicated.v1", r -> claimId.equals(r.key()), WAIT).value());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitHistory(String claimId, String kind) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> claim(claimId).getList("history.kind").contains(kind));
    }

    @Test
    void aCodersCorrectionReplacesTheDeniedClaimWithTheCorrectedCodesOncePerDenial() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda();
        JsonPath original = paidClaim(encounter);
        String originalId = original.getString("id");
        String payerNumber = original.getString("payerClaimControlNumber");
        String denialId = UUID.randomUUID().toString();

        // 99214 is 210.00 in the charge master: the replacement takes the charge the corrected encounter carries.
        EncounterCodedFixture corrected = encounter.recoded(List.of("E11.65", "I10"),
                line("99214", List.of("25"), 1, List.of(1, 2), "200.00"),
                line("36415", List.of(), 1, List.of(1), "12.00")).correcting(originalId, payerNumber, denialId);
        KafkaTestClient.send(TOPIC, encounter.encounterId(), corrected.envelope());
        KafkaTestClient.send(TOPIC, encounter.encounterId(), corrected.envelope());                 // redelivery: the inbox drops it
        KafkaTestClient.send(TOPIC, encounter.encounterId(), corrected.republished().envelope());   // same denial, another event

        String replacementId = awaitReplacement(encounter.encounterId());
        JsonPath replacement = claim(replacementId);
        assertEquals(originalId, replacement.getString("replacesClaimId"));
        assertEquals(payerNumber, replacement.getString("originalPayerClaimControlNumber"));
        assertEquals(List.of("E11.65", "I10"), replacement.getList("diagnoses"));
        assertEquals(List.of("99214", "36415"), replacement.getList("lines.procedureCode"));
        assertEquals(List.of("200.00", "12.00"), replacement.getList("lines.chargeAmount"));
        assertEquals("212.00", replacement.getString("amounts.charged"));
        assertEquals(List.of("E11.9", "I10"), claim(originalId).getList("diagnoses"), "the original keeps what the payer adjudicated");

        // Submitted without a new eligibility check: CLM05 11:B:7, REF*F8 = the payer's number of the original, the new codes.
        String x12 = await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            var response = given().get("/api/v1/claims/" + replacementId + "/x12");
            return response.statusCode() == 200 ? response.asString() : null;
        }, s -> s != null);
        String pcn = replacement.getString("patientControlNumber");
        assertTrue(x12.contains("CLM*" + pcn + "*212***11:B:7*"), x12);
        assertTrue(x12.contains("REF*F8*" + payerNumber), x12);
        assertTrue(x12.contains("HI*ABK:E1165*ABF:I10"), x12);

        // The payer's reversal of the original makes it REPLACED (the existing money model).
        JsonPath replaced = awaitStatus(originalId, "REPLACED", WAIT);
        assertReconciles(replaced);
        assertEquals("150.00", replaced.getString("amounts.outstanding"));
        assertTrue(replaced.getList("history.detail", String.class).stream()
                .anyMatch(d -> d.startsWith("Replacement requested for denial " + denialId + " (coder's correction of encounter")));
        assertTrue(claim(replacementId).getList("history.detail", String.class).stream()
                .anyMatch(d -> d.startsWith("Replacement requested for denial " + denialId) && d.contains("without a new eligibility check")));

        // The payer's adjudication of the replacement tells denial-service what it replaces.
        JsonNode adjudicated = awaitAdjudicated(replacementId);
        EventSchemas.assertValid(EventSchemas.ours("claims.claim-adjudicated.v1"), adjudicated);
        assertEquals("7", adjudicated.at("/payload/frequencyCode").asText());
        assertEquals(originalId, adjudicated.at("/payload/replacesClaimId").asText());
        assertEquals("M123456789", adjudicated.at("/payload/memberId").asText());

        awaitHistory(originalId, "CORRECTION_DUPLICATE_IGNORED");
        assertEquals(2, claimsOf(encounter.encounterId()).size(), "one replacement for one denial");

        // A plain EncounterCoded for an encounter that has its claim still creates nothing.
        KafkaTestClient.send(TOPIC, encounter.encounterId(), EncounterCodedFixture.officeVisitForAda()
                .with("encounterId", encounter.encounterId()).envelope());
        awaitHistory(originalId, "DUPLICATE_ENCOUNTER_IGNORED");
        assertEquals(2, claimsOf(encounter.encounterId()).size());
    }

    @Test
    void aCodersCorrectionOfAClaimThePayerNeverAdjudicatedIsRefusedInTheHistory() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForDijkstra();
        KafkaTestClient.send(TOPIC, encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());

        KafkaTestClient.send(TOPIC, encounter.encounterId(),
                encounter.correcting(claimId, null, UUID.randomUUID().toString()).envelope());
        awaitHistory(claimId, "CORRECTION_NOT_POSSIBLE");
        assertTrue(claim(claimId).getList("history.detail", String.class).stream()
                .anyMatch(d -> d.contains("no payer claim control number")));
        assertEquals(1, claimsOf(encounter.encounterId()).size());
        assertEquals("ASSEMBLED", claim(claimId).getString("status"));
    }

    @Test
    void aCodersCorrectionOfAnUnknownClaimGoesToTheDeadLetterTopic() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda()
                .correcting(UUID.randomUUID().toString(), "SBX000000000999", UUID.randomUUID().toString());
        KafkaTestClient.send(TOPIC, encounter.encounterId(), encounter.envelope());
        KafkaTestClient.await(TOPIC + ".dlq", r -> encounter.encounterId().equals(r.key()), WAIT);
        assertTrue(claimsOf(encounter.encounterId()).isEmpty());
    }

    @Test
    void aCodersCorrectionWhileAnotherCorrectionWaitsForThePayerIsRefusedInTheHistory() {
        // Paid by an 835 uploaded through the API (payer claim number SBXTEST1). Billed from a PO box (a practice
        // without a registry row), so the biller's replacement is held by the claim scrubber and never sent: its
        // correction keeps waiting for the payer's reversal.
        java.util.Map<String, Object> poBox = new java.util.LinkedHashMap<>(java.util.Map.of("line1", "PO Box 12", "city", "Springfield",
                "state", "IL", "postalCode", "627011234"));
        poBox.put("line2", null);
        DefaultTestToken.actIn("pending-correction-practice");
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForDijkstra().practice("pending-correction-practice")
                .withNested("billingProvider", "address", poBox);
        KafkaTestClient.send(TOPIC, encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());
        String pcn = claim(claimId).getString("patientControlNumber");
        given().contentType("application/edi-x12").body(RemittanceFixture.payment().claim(pcn)
                .line(pcn + "-1", "99213", "150.00", "92.00", RemittanceFixture.adjustment("CO", "45", "58.00")).done().build()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/remittances").then().statusCode(201);
        assertEquals("PAID", claim(claimId).getString("status"));

        KafkaTestClient.send("claims.claim-correction-requested.v1", claimId,
                ClaimCorrectionRequestedFixture.replacement(claimId, encounter.encounterId(), "SBXTEST1")
                        .practice(encounter.practiceId()).envelope());
        String billersReplacement = awaitReplacement(encounter.encounterId());
        awaitStatus(billersReplacement, "SCRUB_HOLD", WAIT);

        KafkaTestClient.send(TOPIC, encounter.encounterId(), encounter.recoded(List.of("E11.65"),
                line("99214", List.of(), 1, List.of(1), "200.00")).correcting(claimId, "SBXTEST1", UUID.randomUUID().toString()).envelope());
        awaitHistory(claimId, "CORRECTION_NOT_POSSIBLE");
        assertTrue(claim(claimId).getList("history.detail", String.class).stream()
                .anyMatch(d -> d.contains("another correction of this claim is waiting for the payer")));
        assertEquals(List.of(billersReplacement), claimsOf(encounter.encounterId()).stream()
                .filter(c -> "7".equals(c.get("frequencyCode"))).map(c -> c.get("id")).toList(), "no second replacement");
    }
}
