package org.claimflow.eligibility.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.eligibility.gateway.SandboxPayerGateway;
import org.claimflow.eligibility.support.ClaimAssembledFixture;
import org.claimflow.eligibility.support.EventSchemas;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.eligibility.support.SandboxPayer;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "eligibility"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class ClaimAssembledConsumerTest {

    private static final String IN = "claims.claim-assembled.v1";
    private static final String OUT = "claims.eligibility-checked.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void resetThePayer() {
        SandboxPayer.healthy();
        breakers.reset(SandboxPayerGateway.BREAKER);
    }

    /** Each test its own practice, so that no answer of another test is fresh enough to be reused. */
    private static String newPractice() {
        String practice = "practice-" + UUID.randomUUID().toString().substring(0, 8);
        DefaultTestToken.actIn(practice);
        return practice;
    }

    private static JsonNode awaitChecked(ClaimAssembledFixture claim) throws Exception {
        KafkaTestClient.send(IN, claim.claimId(), claim.json());
        ConsumerRecord<String, String> record = KafkaTestClient.await(OUT, r -> claim.claimId().equals(r.key()),
                Duration.ofSeconds(30));
        EventSchemas.assertValid(EventSchemas.ELIGIBILITY_CHECKED, record.value());
        assertEquals(claim.eventId(), new String(record.headers().lastHeader("causationId").value()));
        return JSON.readTree(record.value());
    }

    @Test
    void publishesEligibleWithTheEstimatedPatientShareForAnActiveMember() throws Exception {
        ClaimAssembledFixture claim = ClaimAssembledFixture.officeVisitForAda().practice(newPractice());
        JsonNode event = awaitChecked(claim);

        assertEquals("EligibilityChecked", event.get("eventType").asText());
        assertEquals(claim.claimId(), event.get("aggregateId").asText());
        assertEquals(claim.correlationId(), event.get("correlationId").asText());
        assertEquals(claim.eventId(), event.get("causationId").asText());
        JsonNode payload = event.get("payload");
        assertTrue(payload.get("eligible").asBoolean());
        assertEquals("ACTIVE", payload.get("status").asText());
        assertTrue(payload.get("reasonCode").isNull());
        assertEquals("25.00", payload.get("copay").asText());
        assertEquals("0.20", payload.get("coinsurance").asText());
        assertEquals("0.00", payload.get("deductibleRemaining").asText());
        // 25.00 copay + 20 % of the other 137.00 of the 162.00 charge
        assertEquals("52.40", payload.get("estimatedPatientResponsibility").asText());

        given().get("/api/v1/eligibility/checks/" + payload.get("checkId").asText()).then().statusCode(200)
                .body("claimId", equalTo(claim.claimId()))
                .body("requestedBy", equalTo("claim-assembled"))
                .body("interchangeControlNumber", notNullValue());
    }

    @Test
    void publishesNotEligibleWithTheReasonForAMemberWhoseCoverageEnded() throws Exception {
        JsonNode payload = awaitChecked(ClaimAssembledFixture.officeVisitForGrace().practice(newPractice())).get("payload");
        assertEquals(false, payload.get("eligible").asBoolean());
        assertEquals("INACTIVE", payload.get("status").asText());
        assertEquals("COVERAGE_INACTIVE", payload.get("reasonCode").asText());
        assertTrue(payload.get("estimatedPatientResponsibility").isNull());
    }

    @Test
    void holdsTheClaimWithPayerUnavailableInsteadOfDeadLetteringItWhenThePayerIsDown() throws Exception {
        SandboxPayer.down();
        ClaimAssembledFixture claim = ClaimAssembledFixture.officeVisitForAda().practice(newPractice());
        JsonNode payload = awaitChecked(claim).get("payload");
        assertEquals(false, payload.get("eligible").asBoolean());
        assertEquals("ERROR", payload.get("status").asText());
        assertEquals("PAYER_UNAVAILABLE", payload.get("reasonCode").asText());
        assertEquals(List.of(), KafkaTestClient.collect(IN + ".dlq", r -> claim.claimId().equals(r.key()), Duration.ofSeconds(2)));
    }

    @Test
    void publishesOneEligibilityCheckedWhenTheSameClaimAssembledIsDeliveredTwice() {
        ClaimAssembledFixture claim = ClaimAssembledFixture.officeVisitForAda().practice(newPractice());
        KafkaTestClient.send(IN, claim.claimId(), claim.json());
        KafkaTestClient.send(IN, claim.claimId(), claim.json());

        KafkaTestClient.await(OUT, r -> claim.claimId().equals(r.key()), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> published = KafkaTestClient.collect(OUT,
                r -> claim.claimId().equals(r.key()), Duration.ofSeconds(5));
        assertEquals(1, published.size(), "EligibilityChecked events for the claim");
        given().queryParam("practiceId", claim.build().get("practiceId")).get("/api/v1/eligibility/checks").then()
                .body("total", equalTo(1));
    }

    @Test
    void reusesAFreshAnswerForAnotherClaimOfTheSameMemberAndDateOfService() throws Exception {
        String practice = newPractice();
        JsonNode first = awaitChecked(ClaimAssembledFixture.officeVisitForAda().practice(practice)).get("payload");
        JsonNode second = awaitChecked(ClaimAssembledFixture.officeVisitForAda().practice(practice)).get("payload");

        assertEquals("ACTIVE", second.get("status").asText());
        assertNotEquals(first.get("checkId").asText(), second.get("checkId").asText());
        given().get("/api/v1/eligibility/checks/" + second.get("checkId").asText()).then().statusCode(200)
                .body("answeredByCheckId", equalTo(first.get("checkId").asText()))
                .body("interchangeControlNumber", nullValue())
                .body("copay", equalTo("25.00"));
        // The reused check shows the 271 of the check that asked.
        given().get("/api/v1/eligibility/checks/" + second.get("checkId").asText() + "/x12").then().statusCode(200);
    }

    @Test
    void sendsAnUnreadableEventToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        KafkaTestClient.send(IN, key, "this is not an event");
        ConsumerRecord<String, String> dead = KafkaTestClient.await(IN + ".dlq", r -> key.equals(r.key()), Duration.ofSeconds(30));
        assertEquals("this is not an event", dead.value());
    }

    @Test
    void sendsAClaimAssembledWithoutAMemberIdToTheDeadLetterTopic() {
        ClaimAssembledFixture claim = ClaimAssembledFixture.officeVisitForAda().practice(newPractice()).with("memberId", null);
        KafkaTestClient.send(IN, claim.claimId(), claim.json());
        KafkaTestClient.await(IN + ".dlq", r -> claim.claimId().equals(r.key()), Duration.ofSeconds(30));
    }
}
