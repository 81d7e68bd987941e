package org.claimflow.billing.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.claimflow.billing.support.ClaimApi.awaitStatus;
import static org.claimflow.billing.support.ClaimApi.claim;
import static org.claimflow.billing.support.RemittanceFixture.adjustment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.claimflow.billing.support.EligibilityCheckedFixture;
import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.billing.support.RemittanceFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The business meters of billing-service move with the work they count (issue #10). Other tests' claims may still be
 * moving in the same service, so the counts are checked to have grown by at least what this test did.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class BillingMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String ENCOUNTER_CODED = "claims.encounter-coded.v1";

    @Inject
    MeterRegistry registry;

    private double count(String name, String... tags) {
        return registry.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Reads the counters now, and later says by how much each grew. */
    private final class Before {
        private final Map<String, Double> values = new LinkedHashMap<>();
        private final Map<String, String[]> meters = new LinkedHashMap<>();

        Before meter(String label, String name, String... tags) {
            String[] all = new String[tags.length + 1];
            all[0] = name;
            System.arraycopy(tags, 0, all, 1, tags.length);
            meters.put(label, all);
            values.put(label, count(name, tags));
            return this;
        }

        double grown(String label) {
            String[] m = meters.get(label);
            String[] tags = new String[m.length - 1];
            System.arraycopy(m, 1, tags, 0, tags.length);
            return count(m[0], tags) - values.get(label);
        }

        void assertGrewAtLeast(String label, double by) {
            double grown = grown(label);
            assertTrue(grown >= by - 0.001, label + " grew by " + grown + ", expected at least " + by);
        }
    }

    @Test
    void aPaidClaimCountsItsTransitionsItsSubmissionItsAcknowledgmentsAndTheMoneyPosted() {
        Before before = new Before()
                .meter("assembled", BillingMetrics.CLAIM_TRANSITIONS, "to_status", "ASSEMBLED")
                .meter("submitted", BillingMetrics.CLAIM_TRANSITIONS, "to_status", "SUBMITTED")
                .meter("paid", BillingMetrics.CLAIM_TRANSITIONS, "to_status", "PAID")
                .meter("interchanges", BillingMetrics.INTERCHANGES_SENT, "payer", "SANDBOX-PPO")
                .meter("claims sent", BillingMetrics.CLAIMS_SENT, "payer", "SANDBOX-PPO")
                .meter("999 accepted", BillingMetrics.ACKNOWLEDGMENTS, "type", "999", "outcome", "ACCEPTED")
                .meter("277CA accepted", BillingMetrics.ACKNOWLEDGMENTS, "type", "277CA", "outcome", "ACCEPTED")
                .meter("charged", BillingMetrics.MONEY_POSTED, "payer", "SANDBOX-PPO", "kind", "CHARGED")
                .meter("paid money", BillingMetrics.MONEY_POSTED, "payer", "SANDBOX-PPO", "kind", "PAID")
                .meter("adjusted", BillingMetrics.MONEY_POSTED, "payer", "SANDBOX-PPO", "kind", "ADJUSTED")
                .meter("patient", BillingMetrics.MONEY_POSTED, "payer", "SANDBOX-PPO", "kind", "PATIENT_RESPONSIBILITY");

        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda();
        KafkaTestClient.send(ENCOUNTER_CODED, encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());
        KafkaTestClient.send("claims.eligibility-checked.v1", claimId,
                EligibilityCheckedFixture.eligible(claimId, encounter.encounterId()).envelope());
        awaitStatus(claimId, "PAID", WAIT);

        // The sandbox PPO pays 99213 (150.00): allowed 92.00, copay 25.00 and 20% of the rest from the patient.
        await().atMost(WAIT).untilAsserted(() -> before.assertGrewAtLeast("paid", 1));
        before.assertGrewAtLeast("assembled", 1);
        before.assertGrewAtLeast("submitted", 1);
        before.assertGrewAtLeast("interchanges", 1);
        before.assertGrewAtLeast("claims sent", 1);
        before.assertGrewAtLeast("999 accepted", 1);
        before.assertGrewAtLeast("277CA accepted", 1);
        before.assertGrewAtLeast("charged", 150.00);
        before.assertGrewAtLeast("paid money", 53.60);
        before.assertGrewAtLeast("adjusted", 58.00);
        before.assertGrewAtLeast("patient", 38.40);
    }

    @Test
    void aRemittanceCountsWhatItCouldNotMatch() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForDijkstra();
        KafkaTestClient.send(ENCOUNTER_CODED, encounter.encounterId(), encounter.envelope());
        String pcn = claim(awaitClaimOf(encounter.encounterId())).getString("patientControlNumber");
        Before before = new Before()
                .meter("unmatched claims", BillingMetrics.UNMATCHED_CLAIMS)
                .meter("unmatched lines", BillingMetrics.UNMATCHED_LINES);

        // Our claim, paid on a line that is not on it (99214 for our 99213), and a claim that is not ours at all.
        String x12 = RemittanceFixture.payment()
                .claim(pcn).line(null, "99214", "150.00", "92.00", adjustment("CO", "45", "58.00")).done()
                .claim("CFNOSUCHCLAIM" + UUID.randomUUID().toString().substring(0, 7).toUpperCase())
                .line(null, "99213", "150.00", "92.00", adjustment("CO", "45", "58.00")).done()
                .build();
        given().contentType("application/edi-x12").body(x12.getBytes(StandardCharsets.UTF_8)).post("/api/v1/remittances")
                .then().statusCode(201).body("claimsPosted", equalTo(1)).body("unmatched", equalTo(1));

        before.assertGrewAtLeast("unmatched claims", 1);
        before.assertGrewAtLeast("unmatched lines", 1);
    }

    @Test
    void aClaimTheScrubberHoldsCountsItsFindings() {
        Before before = new Before()
                .meter("held", BillingMetrics.CLAIM_TRANSITIONS, "to_status", "SCRUB_HOLD")
                .meter("po box", BillingMetrics.SCRUB_FINDINGS, "rule", "BILLING_ADDRESS_PO_BOX");
        Map<String, Object> address = new LinkedHashMap<>(Map.of("line1", "PO Box 4410", "city", "Springfield", "state", "IL",
                "postalCode", "627011234"));
        address.put("line2", null);
        // A practice without a provider registry row: the billing address is the one the encounter carries.
        DefaultTestToken.actIn("metrics-practice"); // the claim is read back over the API as its own practice
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda().practice("metrics-practice")
                .withNested("billingProvider", "address", address);
        DefaultTestToken.actIn(encounter.practiceId());
        KafkaTestClient.send(ENCOUNTER_CODED, encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());
        KafkaTestClient.send("claims.eligibility-checked.v1", claimId,
                EligibilityCheckedFixture.eligible(claimId, encounter.encounterId()).practice(encounter.practiceId()).envelope());
        awaitStatus(claimId, "SCRUB_HOLD", WAIT);

        await().atMost(WAIT).untilAsserted(() -> before.assertGrewAtLeast("held", 1));
        before.assertGrewAtLeast("po box", 1);
    }

    @Test
    void anUnreadableEventCountsAsADeadLetterOfItsTopic() {
        Before before = new Before().meter("dead", CountedDeadLetterQueue.METER, "topic", ENCOUNTER_CODED + ".dlq");
        String key = "poison-" + UUID.randomUUID();
        KafkaTestClient.send(ENCOUNTER_CODED, key, "this is not an event");
        KafkaTestClient.await(ENCOUNTER_CODED + ".dlq", r -> key.equals(r.key()), WAIT);
        await().atMost(WAIT).untilAsserted(() -> before.assertGrewAtLeast("dead", 1));
    }

    @Test
    void exposesTheMetersAtTheMetricsEndpoint() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("claimflow_claims_transitions_total{to_status=\"PAID\"}"))
                .body(containsString("claimflow_acknowledgments_total{outcome=\"REJECTED\",type=\"999\"}"))
                .body(containsString("claimflow_remittances_unmatched_claims_total"))
                .body(containsString("claimflow_dlq_records_total{topic=\"claims.claim-correction-requested.v1.dlq\"}"))
                .body(containsString("claimflow_outbox_oldest_age_seconds"));
    }
}
