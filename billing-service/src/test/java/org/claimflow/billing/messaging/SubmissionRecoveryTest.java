package org.claimflow.billing.messaging;

import static io.restassured.RestAssured.given;
import static org.claimflow.billing.support.ClaimApi.assertReconciles;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.claimflow.billing.support.ClaimApi.awaitStatus;
import static org.claimflow.billing.support.ClaimApi.claim;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;

import org.claimflow.billing.persistence.PracticeScope;
import org.claimflow.billing.gateway.ClearinghouseGateway;
import org.claimflow.billing.service.SubmissionJob;
import org.claimflow.billing.service.SubmissionService;
import org.claimflow.billing.support.EligibilityCheckedFixture;
import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** What happens when the service dies between writing an 837 and sending it. */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class SubmissionRecoveryTest {

    @Inject
    Scheduler scheduler;

    @Inject
    SubmissionService submissions;

    @Inject
    ClearinghouseGateway gateway;

    @Test
    void sendsTheStoredFileWithItsControlNumbersAfterACrashAndThePayerPaysOnce() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForDijkstra();
        KafkaTestClient.send("claims.encounter-coded.v1", encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());

        String x12;
        scheduler.pause(SubmissionJob.IDENTITY);
        try {
            KafkaTestClient.send("claims.eligibility-checked.v1", claimId,
                    EligibilityCheckedFixture.eligible(claimId, encounter.encounterId()).envelope());
            awaitStatus(claimId, "READY_TO_SUBMIT", Duration.ofSeconds(30));
            // The job's first step runs, then the process "dies": the file is stored but never sent.
            await().atMost(Duration.ofSeconds(10)).until(() -> PracticeScope.acrossPractices(submissions::prepareBatches) >= 0
                    && "SUBMITTING".equals(claim(claimId).getString("status")));
            x12 = given().get("/api/v1/claims/" + claimId + "/x12").then().statusCode(200).extract().asString();
        } finally {
            scheduler.resume(SubmissionJob.IDENTITY);
        }

        JsonPath paid = awaitStatus(claimId, "PAID", Duration.ofSeconds(30));
        assertEquals(x12, given().get("/api/v1/claims/" + claimId + "/x12").then().extract().asString(),
                "the very file written before the crash was sent");
        String interchange = paid.getString("submission.interchangeControlNumber");

        // Sent once more (a crash after sending, before recording): the payer answers the same 999 and queues nothing.
        Optional<String> again = gateway.submit(interchange, x12);
        assertEquals(true, again.isPresent());
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8)).untilAsserted(() -> {
            JsonPath after = claim(claimId);
            assertEquals("PAID", after.getString("status"));
            assertEquals("92.00", after.getString("amounts.paid"), "paid once");
            assertReconciles(after);
        });
        assertEquals(1, KafkaTestClient.collect("claims.claim-adjudicated.v1", r -> claimId.equals(r.key()), Duration.ofSeconds(2)).size());
    }
}
