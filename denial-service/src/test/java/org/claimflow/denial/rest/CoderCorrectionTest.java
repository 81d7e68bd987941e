package org.claimflow.denial.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.claimflow.denial.support.RoutedDenials.WAIT;
import static org.claimflow.denial.support.RoutedDenials.route;
import static org.claimflow.denial.support.RoutedDenials.status;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.claimflow.denial.persistence.PracticeScope;
import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.denial.support.EncounterCodedFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.KafkaTestClient;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** A coder's correction of a CODING denial's encounter (EncounterCoded.correction) closes the denial as CORRECTED. */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class CoderCorrectionTest {

    private static final String ENCOUNTER_CODED = "claims.encounter-coded.v1";

    @Inject
    EntityManager em;

    private static void publish(EncounterCodedFixture event) {
        KafkaTestClient.send(ENCOUNTER_CODED, event.encounterId(), event.json());
    }

    private void awaitProcessed(EncounterCodedFixture event) {
        // The inbox of every practice: the test inspects as the cross-practice jobs do (row-level security).
        await().atMost(WAIT).until(() -> PracticeScope.acrossPractices(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from processed_event where event_id = cast(:id as uuid)"
                        + " and consumer = 'denial-service.encounter-coded'")
                .setParameter("id", event.eventId()).getSingleResult()).intValue() == 1)));
    }

    /** A diagnosis that does not support the procedure (CO-11): a CODING denial, routed to the coders. */
    private static Map<String, String> codingDenial() {
        ClaimAdjudicatedFixture remittance = ClaimAdjudicatedFixture.lineDenied("CO", "11", "M76");
        String denialId = route(remittance);
        given().get("/api/v1/denials/" + denialId).then().body("queue", equalTo("CODING"));
        return Map.of("denialId", denialId, "claimId", remittance.claimId(), "pccn", remittance.payerClaimControlNumber());
    }

    @Test
    void marksTheDenialCorrectedByTheCoderOnceEvenWhenTheEventArrivesTwice() {
        Map<String, String> denial = codingDenial();
        EncounterCodedFixture corrected = EncounterCodedFixture.correcting(denial.get("denialId"), denial.get("claimId"),
                denial.get("pccn"), "11");
        publish(corrected);
        publish(corrected);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/denials/" + denial.get("denialId")).then()
                .body("status", equalTo("CORRECTED")));
        awaitProcessed(corrected);
        given().get("/api/v1/denials/" + denial.get("denialId")).then()
                .body("history.kind", contains("ROUTED", "STATUS_CHANGED", "CORRECTED_BY_CODER"))
                .body("history.find { it.kind == 'STATUS_CHANGED' }.detail", equalTo("OPEN → CORRECTED: corrected by the coder"))
                .body("history.find { it.kind == 'CORRECTED_BY_CODER' }.actor", equalTo("coding-service"))
                .body("history.find { it.kind == 'CORRECTED_BY_CODER' }.detail", equalTo("Coder corrected encounter "
                        + corrected.encounterId() + " for CARC 11; billing sends a replacement (frequency 7) of the claim."));
    }

    @Test
    void oneCorrectionClosesEveryDenialItAnswers() {
        Map<String, String> first = codingDenial();
        Map<String, String> second = codingDenial();
        publish(EncounterCodedFixture.correcting(second.get("denialId"), second.get("claimId"), second.get("pccn"), "11")
                .answering(first.get("denialId"), second.get("denialId")));

        for (Map<String, String> denial : java.util.List.of(first, second)) {
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/denials/" + denial.get("denialId")).then()
                    .body("status", equalTo("CORRECTED")));
        }
    }

    @Test
    void correctsADenialSomeoneIsWorking() {
        Map<String, String> denial = codingDenial();
        status(denial.get("denialId"), "IN_PROGRESS", "checking the chart").statusCode(200);
        publish(EncounterCodedFixture.correcting(denial.get("denialId"), denial.get("claimId"), denial.get("pccn"), "11"));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/denials/" + denial.get("denialId")).then()
                .body("status", equalTo("CORRECTED")));
    }

    @Test
    void onlyNotesTheCorrectionOnADenialAlreadyClosed() {
        Map<String, String> denial = codingDenial();
        status(denial.get("denialId"), "WRITTEN_OFF", "below the cost of working it").statusCode(200);
        EncounterCodedFixture corrected = EncounterCodedFixture.correcting(denial.get("denialId"), denial.get("claimId"),
                denial.get("pccn"), "11");
        publish(corrected);
        awaitProcessed(corrected);

        given().get("/api/v1/denials/" + denial.get("denialId")).then()
                .body("status", equalTo("WRITTEN_OFF"))
                .body("history.findAll { it.kind == 'CORRECTED_BY_CODER' }", hasSize(1))
                .body("history.find { it.kind == 'CORRECTED_BY_CODER' }.detail",
                        org.hamcrest.Matchers.endsWith("The denial stays WRITTEN_OFF."));
    }

    @Test
    void ignoresAFirstCoding() {
        EncounterCodedFixture coded = EncounterCodedFixture.firstCoding();
        publish(coded);
        awaitProcessed(coded);
    }

    @Test
    void marksACorrectionOfAnUnknownDenialProcessedWithoutADeadLetter() {
        EncounterCodedFixture corrected = EncounterCodedFixture.correcting(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), "SBX000000009999", "11");
        publish(corrected);
        awaitProcessed(corrected);
        assertEquals(0, KafkaTestClient.collect(ENCOUNTER_CODED + ".dlq", r -> corrected.encounterId().equals(r.key()),
                Duration.ofSeconds(3)).size());
    }

    @Test
    void leavesAnotherPracticesDenialAlone() {
        Map<String, String> denial = codingDenial();
        EncounterCodedFixture corrected = EncounterCodedFixture.correcting(denial.get("denialId"), denial.get("claimId"),
                denial.get("pccn"), "11").practice("another-practice");
        publish(corrected);
        awaitProcessed(corrected);
        given().get("/api/v1/denials/" + denial.get("denialId")).then()
                .body("status", equalTo("OPEN"))
                .body("history.kind", contains("ROUTED"));
    }

    @Test
    void sendsACorrectionWithoutItsDenialAndAnUnreadableEventToTheDeadLetterTopic() {
        EncounterCodedFixture incomplete = EncounterCodedFixture.correcting(null, UUID.randomUUID().toString(), "SBX1", "11");
        publish(incomplete);
        KafkaTestClient.await(ENCOUNTER_CODED + ".dlq", r -> incomplete.encounterId().equals(r.key()), WAIT);

        String key = "poison-" + UUID.randomUUID();
        KafkaTestClient.send(ENCOUNTER_CODED, key, "{\"eventType\": \"EncounterCoded\", \"payload\": ");
        KafkaTestClient.await(ENCOUNTER_CODED + ".dlq", r -> key.equals(r.key()), WAIT);
    }
}
