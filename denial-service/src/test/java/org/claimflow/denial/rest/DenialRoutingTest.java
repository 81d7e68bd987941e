package org.claimflow.denial.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.claimflow.denial.persistence.PracticeScope;
import org.claimflow.denial.codeset.CarcRarcCodeset;
import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.denial.support.Schemas;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class DenialRoutingTest {

    private static final String CLAIM_ADJUDICATED = "claims.claim-adjudicated.v1";
    private static final String DENIAL_ROUTED = "claims.denial-routed.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    private static void publish(ClaimAdjudicatedFixture event) {
        KafkaTestClient.send(CLAIM_ADJUDICATED, event.claimId(), event.json());
    }

    private static ValidatableResponse denialsOf(ClaimAdjudicatedFixture event) {
        return given().queryParam("claimId", event.claimId()).get("/api/v1/denials").then().statusCode(200);
    }

    /** Waits until the service has consumed the event (its id is in the inbox), so absence can be asserted. */
    private void awaitProcessed(ClaimAdjudicatedFixture event) {
        // The inbox of every practice: the test inspects as the cross-practice jobs do (row-level security).
        await().atMost(WAIT).until(() -> PracticeScope.acrossPractices(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from processed_event where event_id = cast(:id as uuid)")
                .setParameter("id", event.eventId()).getSingleResult()).intValue() == 1)));
    }

    private static String awaitOneDenial(ClaimAdjudicatedFixture event) {
        await().atMost(WAIT).untilAsserted(() -> denialsOf(event).body("total", equalTo(1)));
        return denialsOf(event).extract().path("items[0].id");
    }

    @Test
    void routesANonCoveredLineToBillingWithAnAppealDeadline() {
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.lineDenied("CO", "96", "N130");
        publish(event);
        String id = awaitOneDenial(event);

        given().get("/api/v1/denials/" + id).then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("category", equalTo("NON_COVERED"))
                .body("queue", equalTo("BILLING"))
                .body("status", equalTo("OPEN"))
                .body("lineNumber", equalTo(2))
                .body("procedureCode", equalTo("71046"))
                .body("groupCode", equalTo("CO"))
                .body("reasonCodes", contains("96"))
                .body("remarkCodes", contains("N130"))
                .body("amount", equalTo("250.00"))
                .body("appealable", equalTo(true))
                .body("correctable", equalTo(false))
                .body("payerId", equalTo("SANDBOX-PPO"))
                // SANDBOX-PPO: a commercial contract, 180 days from the remittance date.
                .body("appealDeadline", equalTo(event.remittanceDate().plusDays(180).toString()))
                .body("pastDeadline", equalTo(false))
                .body("codes.find { it.kind == 'CARC' && it.code == '96' }.description", startsWith("Non-covered charge(s)."))
                .body("codes.find { it.kind == 'RARC' && it.code == 'N130' }.description", notNullValue())
                .body("codes.find { it.kind == 'GROUP' }.description", equalTo("Contractual Obligations"))
                .body("history.kind", contains("ROUTED"));
    }

    @Test
    void routesAMissingAuthorizationToTheFrontDeskWithTheMedicareDeadline() {
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.lineDenied("CO", "197").payer("SANDBOX-MEDICARE");
        publish(event);
        String id = awaitOneDenial(event);

        given().get("/api/v1/denials/" + id).then().statusCode(200)
                .body("category", equalTo("AUTHORIZATION"))
                .body("queue", equalTo("FRONT_DESK"))
                // Medicare: 120 days from receipt, receipt presumed 5 days after the remittance date.
                .body("appealDeadline", equalTo(event.remittanceDate().plusDays(125).toString()));
    }

    @Test
    void routesABundledCodeToTheCodersAsCorrectable() {
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.lineDenied("CO", "236");
        publish(event);
        awaitOneDenial(event);
        denialsOf(event)
                .body("items[0].category", equalTo("CODING"))
                .body("items[0].queue", equalTo("CODING"))
                .body("items[0].correctable", equalTo(true));
    }

    @Test
    void createsNoDenialForAPaidClaimWithContractualWriteOffAndPatientShare() {
        // Line 2 paid zero because it all went to the deductible: the patient owes it, the payer did not deny it.
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.paidOfficeVisit()
                .withLine("36415", "12.00", "0.00", List.of(), ClaimAdjudicatedFixture.adjustment("PR", "1", "12.00"));
        publish(event);
        awaitProcessed(event);
        denialsOf(event).body("total", equalTo(0));
    }

    @Test
    void ignoresAReversal() {
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.lineDenied("CO", "96").outcome("REVERSED");
        publish(event);
        awaitProcessed(event);
        denialsOf(event).body("total", equalTo(0));
    }

    @Test
    void routesAWholeClaimEligibilityDenialToTheFrontDesk() throws Exception {
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.wholeClaimDenied("CO", "27", "162.00");
        publish(event);
        String id = awaitOneDenial(event);

        given().get("/api/v1/denials/" + id).then().statusCode(200)
                .body("category", equalTo("ELIGIBILITY"))
                .body("queue", equalTo("FRONT_DESK"))
                .body("lineNumber", nullValue())
                .body("amount", equalTo("162.00"))
                .body("reasonCodes", contains("27"));
        ConsumerRecord<String, String> routed = KafkaTestClient.await(DENIAL_ROUTED,
                r -> event.claimId().equals(r.key()), WAIT);
        assertEquals(0, JSON.readTree(routed.value()).at("/payload/lineNumbers").size());
    }

    @Test
    void createsOneDenialWhenTheSameRemittanceArrivesTwiceOrIsResent() {
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.lineDenied("CO", "50");
        ClaimAdjudicatedFixture resent = event.redelivered();
        publish(event);
        publish(event);
        publish(resent);
        awaitOneDenial(event);
        awaitProcessed(resent);

        denialsOf(event).body("total", equalTo(1));
        assertEquals(1, KafkaTestClient.collect(DENIAL_ROUTED, r -> event.claimId().equals(r.key()), Duration.ofSeconds(3)).size());
    }

    @Test
    void publishesDenialRoutedKeyedByClaimIdThatMatchesItsSchema() throws Exception {
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.lineDenied("CO", "96", "N130");
        publish(event);
        String id = awaitOneDenial(event);

        ConsumerRecord<String, String> record = KafkaTestClient.await(DENIAL_ROUTED, r -> event.claimId().equals(r.key()), WAIT);
        JsonNode envelope = JSON.readTree(record.value());
        assertEquals(List.of(), List.copyOf(Schemas.validate(
                Schemas.fromClasspath("events/claims.denial-routed.v1.schema.json"), envelope)));
        assertEquals("DenialRouted", envelope.get("eventType").asText());
        assertEquals(event.claimId(), envelope.get("aggregateId").asText());
        assertEquals(event.correlationId(), envelope.get("correlationId").asText());
        assertEquals(event.eventId(), envelope.get("causationId").asText());
        assertEquals(envelope.get("eventId").asText(), new String(record.headers().lastHeader("eventId").value()));
        assertEquals(event.eventId(), new String(record.headers().lastHeader("causationId").value()));
        JsonNode payload = envelope.get("payload");
        assertEquals(id, payload.get("denialId").asText());
        assertEquals("NON_COVERED", payload.get("category").asText());
        assertEquals("BILLING", payload.get("queue").asText());
        assertEquals("CO", payload.get("groupCode").asText());
        assertEquals("96", payload.at("/reasonCodes/0").asText());
        assertEquals(2, payload.at("/lineNumbers/0").asInt());
        assertEquals("250.00", payload.get("amount").asText());
        assertEquals(event.remittanceDate().plusDays(180).toString(), payload.get("appealDeadline").asText());
        assertTrue(payload.get("amount").isTextual(), "money travels as a decimal string");
        // The optional additions coding-service shows the coder, and that come back in EncounterCoded.correction.
        assertEquals(event.payerClaimControlNumber(), payload.get("payerClaimControlNumber").asText());
        assertEquals(event.dateOfService().toString(), payload.get("dateOfService").asText());
        assertEquals("N130", payload.at("/remarkCodes/0").asText());
        assertEquals(1, payload.get("reasons").size());
        assertEquals("CO", payload.at("/reasons/0/groupCode").asText());
        assertEquals("96", payload.at("/reasons/0/reasonCode").asText());
        assertTrue(payload.at("/reasons/0/description").asText().startsWith("Non-covered charge(s)."),
                payload.at("/reasons/0/description").asText());
    }

    @Test
    void namesEachDenyingReasonWithItsOwnGroupAndDescriptionPrimaryFirst() throws Exception {
        // An unbundled add-on (NCCI, CO-236) that the payer also calls a duplicate (OA-18): 236 is larger, so primary.
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.paidOfficeVisit()
                .withLine("20610", "180.00", "0.00", List.of("M80"),
                        ClaimAdjudicatedFixture.adjustment("CO", "236", "150.00"),
                        ClaimAdjudicatedFixture.adjustment("OA", "18", "30.00"))
                .outcome("PARTIALLY_DENIED");
        publish(event);
        awaitOneDenial(event);

        JsonNode payload = JSON.readTree(KafkaTestClient.await(DENIAL_ROUTED, r -> event.claimId().equals(r.key()), WAIT)
                .value()).get("payload");
        assertEquals("CODING", payload.get("queue").asText());
        assertEquals("CO", payload.at("/reasons/0/groupCode").asText());
        assertEquals("236", payload.at("/reasons/0/reasonCode").asText());
        assertTrue(payload.at("/reasons/0/description").asText().startsWith("This procedure or procedure/modifier combination is not compatible"),
                payload.at("/reasons/0/description").asText());
        assertEquals("OA", payload.at("/reasons/1/groupCode").asText());
        assertEquals("18", payload.at("/reasons/1/reasonCode").asText());
        assertTrue(payload.at("/reasons/1/description").asText().startsWith("Exact duplicate claim/service"),
                payload.at("/reasons/1/description").asText());
        assertEquals("M80", payload.at("/remarkCodes/0").asText());
    }

    @Test
    void sendsAnUnreadableEventToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        KafkaTestClient.send(CLAIM_ADJUDICATED, key, "this is not an event");
        ConsumerRecord<String, String> dead = KafkaTestClient.await(CLAIM_ADJUDICATED + ".dlq", r -> key.equals(r.key()), WAIT);
        assertEquals("this is not an event", dead.value());
    }

    @Test
    void sendsAnEventWithoutARemittanceIdToTheDeadLetterTopic() {
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.lineDenied("CO", "96").withPayload("remittanceId", null);
        publish(event);
        KafkaTestClient.await(CLAIM_ADJUDICATED + ".dlq", r -> event.claimId().equals(r.key()), WAIT);
        denialsOf(event).body("total", equalTo(0));
    }

    @Test
    void listsDenialsHighestPriorityFirst() {
        // Same payer and deadline for all three lines: the amount at stake decides.
        String payer = "SORT-" + UUID.randomUUID().toString().substring(0, 8);
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.empty().payer(payer).outcome("DENIED")
                .withLine("99213", "100.00", "0.00", List.of(), ClaimAdjudicatedFixture.adjustment("CO", "50", "100.00"))
                .withLine("99214", "500.00", "0.00", List.of(), ClaimAdjudicatedFixture.adjustment("CO", "50", "500.00"))
                .withLine("99215", "250.00", "0.00", List.of(), ClaimAdjudicatedFixture.adjustment("CO", "50", "250.00"));
        publish(event);
        await().atMost(WAIT).untilAsserted(() -> denialsOf(event).body("total", equalTo(3)));

        given().queryParam("payerId", payer).queryParam("status", "OPEN").queryParam("queue", "BILLING")
                .queryParam("category", "MEDICAL_NECESSITY").get("/api/v1/denials").then().statusCode(200)
                .body("items.amount", contains("500.00", "250.00", "100.00"))
                .body("items.lineNumber", contains(2, 3, 1))
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("total", equalTo(3));
        given().queryParam("payerId", payer).queryParam("size", 1).queryParam("page", 1).get("/api/v1/denials").then()
                .body("items.amount", contains("250.00"));
    }

    @Test
    void putsASmallDenialDueInThreeDaysAboveLargerOnesDueInMonths() {
        // One payer without its own terms: the default commercial 180 days from the remittance date.
        String payer = "URGENT-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ClaimAdjudicatedFixture dueSoon = ClaimAdjudicatedFixture.empty().payer(payer).outcome("DENIED")
                .remittanceDate(today.minusDays(177))
                .withLine("99213", "100.00", "0.00", List.of("N115"), ClaimAdjudicatedFixture.adjustment("CO", "50", "100.00"));
        ClaimAdjudicatedFixture large = ClaimAdjudicatedFixture.empty().payer(payer).outcome("DENIED")
                .withLine("99215", "500.00", "0.00", List.of("N130"), ClaimAdjudicatedFixture.adjustment("CO", "96", "500.00"));
        ClaimAdjudicatedFixture medium = ClaimAdjudicatedFixture.empty().payer(payer).outcome("DENIED")
                .withLine("99214", "250.00", "0.00", List.of(), ClaimAdjudicatedFixture.adjustment("OA", "18", "250.00"));
        publish(dueSoon);
        publish(large);
        publish(medium);
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("payerId", payer).get("/api/v1/denials").then()
                .body("total", equalTo(3)));

        // 100 × (1 + 30/3) = 1100.00 beats 500 × (1 + 30/174) = 586.21 and 250 × (1 + 30/174) = 293.10.
        given().queryParam("payerId", payer).get("/api/v1/denials").then().statusCode(200)
                .body("items.amount", contains("100.00", "500.00", "250.00"))
                .body("items.daysToDeadline", contains(3, 174, 174))
                .body("items.priority", contains("1100.00", "586.21", "293.10"))
                .body("items.category", contains("MEDICAL_NECESSITY", "NON_COVERED", "DUPLICATE"));
    }

    @Test
    void answers404AsAProblemForAnUnknownDenial() {
        given().get("/api/v1/denials/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("instance", containsString("/api/v1/denials/"));
    }

    @Test
    void refusesAPageSizeAbove200WithAValidationProblem() {
        given().queryParam("size", 500).get("/api/v1/denials").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem("size"));
    }

    @Test
    void refusesAnUnknownQueueWithAValidationProblem() {
        given().queryParam("queue", "NOWHERE").get("/api/v1/denials").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("queue"));
    }

    @Test
    void loadsEveryCarcOfTheCodeSetIntoTheClassificationTable() throws Exception {
        long carcsInFile;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(CarcRarcCodeset.RESOURCE)) {
            carcsInFile = CarcRarcCodeset.parse(in).stream().filter(c -> c.kind().equals("CARC")).count();
        }
        long classified = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(distinct carc) from denial_reason_map").getSingleResult()).longValue());
        assertEquals(carcsInFile, classified);
    }

    @Test
    void classifiesAnUnseededReasonAsOtherForBillers() {
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.lineDenied("CO", "B7");
        publish(event);
        String id = awaitOneDenial(event);
        given().get("/api/v1/denials/" + id).then()
                .body("category", equalTo("OTHER"))
                .body("queue", equalTo("BILLING"))
                .body("codes.find { it.code == 'B7' }.description", startsWith("This provider was not certified"));
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("claimflow_outbox_backlog"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/denials"));
    }

    @Test
    void computesTheDeadlineFromTheRemittanceDateNotFromToday() {
        LocalDate remitted = LocalDate.now(ZoneOffset.UTC).minusDays(200);
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.lineDenied("CO", "50").remittanceDate(remitted);
        publish(event);
        String id = awaitOneDenial(event);
        given().get("/api/v1/denials/" + id).then()
                .body("appealDeadline", equalTo(remitted.plusDays(180).toString()))
                .body("pastDeadline", equalTo(true));
    }
}
