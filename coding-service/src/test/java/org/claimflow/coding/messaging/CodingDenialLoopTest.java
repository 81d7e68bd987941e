package org.claimflow.coding.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.DenialRoutedFixture;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.coding.support.EventSchemas;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The coding-denial loop: a payer's CODING denial (denial-routed) re-opens the encounter; the coder either corrects
 * it (encounter-coded with the correction block, so billing sends a replacement claim) or keeps the codes (nothing
 * is sent). Real Kafka and PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class CodingDenialLoopTest {

    private static final String CODED_TOPIC = "claims.encounter-coded.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void codeSetsLoaded() {
        CodeSetsReady.await();
    }

    /** The office visit (99213-25, 36415), CODED and sent to billing. */
    private static String codedEncounter() {
        String id = given().contentType(ContentType.JSON).body(EncounterFixture.officeVisit().build())
                .post("/api/v1/encounters").then().statusCode(202)
                .body("status", equalTo("CODED")).extract().path("id");
        KafkaTestClient.await(CODED_TOPIC, r -> id.equals(r.key()), Duration.ofSeconds(20));
        return id;
    }

    private static void send(DenialRoutedFixture denial) {
        KafkaTestClient.send(DenialRoutedFixture.TOPIC, denial.claimId(), denial.envelope());
    }

    private static void sendWithKey(String key, DenialRoutedFixture denial) {
        KafkaTestClient.send(DenialRoutedFixture.TOPIC, key, denial.envelope());
    }

    private static ValidatableResponse encounter(String id) {
        return given().get("/api/v1/encounters/" + id).then().statusCode(200);
    }

    private static void awaitReopened(String id) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                encounter(id).body("history.kind", hasItem("REOPENED_BY_DENIAL")));
    }

    private static ValidatableResponse postAs(String user, String id, String action, Object body) {
        return given().contentType(ContentType.JSON).header("Authorization", DefaultTestToken.bearer("demo-practice", user, "coder")).body(body)
                .post("/api/v1/encounters/" + id + "/" + action).then();
    }

    private static List<ConsumerRecord<String, String>> codedEvents(String id) {
        return KafkaTestClient.collect(CODED_TOPIC, r -> id.equals(r.key()), Duration.ofSeconds(5));
    }

    @Test
    void aCodingDenialReopensTheCodedEncounterWithAPayerDenialFindingAndKeepsTheDenial() {
        String id = codedEncounter();
        DenialRoutedFixture denial = DenialRoutedFixture.codingDenial(id, 1);
        send(denial);

        awaitReopened(id);
        encounter(id)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings.findAll { it.severity == 'ERROR' }.ruleId", equalTo(List.of("PAYER_DENIAL")))
                .body("findings.find { it.ruleId == 'PAYER_DENIAL' }.lineNumbers", equalTo(List.of(1)))
                .body("findings.find { it.ruleId == 'PAYER_DENIAL' }.codes", equalTo(List.of("99213")))
                .body("findings.find { it.ruleId == 'PAYER_DENIAL' }.message", containsString(denial.payerClaimControlNumber()))
                .body("findings.find { it.ruleId == 'PAYER_DENIAL' }.message", containsString(denial.claimId()))
                .body("findings.find { it.ruleId == 'PAYER_DENIAL' }.message",
                        containsString("CARC CO-11 (The diagnosis is inconsistent with the procedure.)"))
                .body("findings.find { it.ruleId == 'PAYER_DENIAL' }.message", containsString("line 1 (99213)"))
                .body("findings.find { it.ruleId == 'PAYER_DENIAL' }.source", equalTo("payer remittance SANDBOX-PPO"))
                .body("findings.find { it.ruleId == 'PAYER_DENIAL' }.suggestedFix", containsString("replacement claim"))
                .body("openDenials", hasSize(1))
                .body("openDenials[0].denialId", equalTo(denial.denialId()))
                .body("openDenials[0].claimId", equalTo(denial.claimId()))
                .body("openDenials[0].payerClaimControlNumber", equalTo(denial.payerClaimControlNumber()))
                .body("openDenials[0].reasonCodes", equalTo(List.of("11")))
                .body("openDenials[0].lineNumbers", equalTo(List.of(1)))
                .body("openDenials[0].status", equalTo("OPEN"))
                .body("history.find { it.kind == 'REOPENED_BY_DENIAL' }.actor", equalTo("denial-service"));
        given().queryParam("status", "NEEDS_REVIEW").queryParam("ruleId", "PAYER_DENIAL").queryParam("size", 200)
                .get("/api/v1/encounters").then().body("items.id", hasItem(id));
    }

    @Test
    void denialsOfOtherQueuesAreMarkedProcessedAndIgnored() throws Exception {
        String billingDenied = codedEncounter();
        String codingDenied = codedEncounter();
        String key = UUID.randomUUID().toString();
        DenialRoutedFixture nonCovered = DenialRoutedFixture.codingDenial(billingDenied, 2).queue("BILLING", "NON_COVERED", "96");
        DenialRoutedFixture eligibility = DenialRoutedFixture.codingDenial(billingDenied, 1).queue("FRONT_DESK", "ELIGIBILITY", "27");
        // Same key, same partition: once the CODING denial behind them is processed, so are they.
        sendWithKey(key, nonCovered);
        sendWithKey(key, eligibility);
        sendWithKey(key, DenialRoutedFixture.codingDenial(codingDenied, 1));

        awaitReopened(codingDenied);
        encounter(billingDenied)
                .body("status", equalTo("CODED"))
                .body("openDenials", nullValue())
                .body("history.kind", not(hasItem("REOPENED_BY_DENIAL")));
        assertEquals(1, processed(nonCovered.eventId()));
        assertEquals(1, processed(eligibility.eventId()));
    }

    @Test
    void theSameDenialTwiceChangesNothing() {
        String id = codedEncounter();
        String marker = codedEncounter();
        DenialRoutedFixture denial = DenialRoutedFixture.codingDenial(id, 1);
        String key = denial.claimId();
        sendWithKey(key, denial);
        sendWithKey(key, denial);            // redelivery: same event id
        sendWithKey(key, denial.resent());   // re-send: same denial, new event id
        sendWithKey(key, DenialRoutedFixture.codingDenial(marker, 1));

        awaitReopened(marker);
        encounter(id)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings.findAll { it.ruleId == 'PAYER_DENIAL' }", hasSize(1))
                .body("openDenials", hasSize(1))
                .body("history.findAll { it.kind == 'REOPENED_BY_DENIAL' }", hasSize(1))
                .body("history.findAll { it.kind == 'HELD_FOR_REVIEW' }", hasSize(1));
    }

    @Test
    void aDenialNamingAnUnknownEncounterGoesToTheDeadLetterTopic() {
        DenialRoutedFixture denial = DenialRoutedFixture.codingDenial(UUID.randomUUID().toString(), 1);
        send(denial);
        ConsumerRecord<String, String> dead = KafkaTestClient.await(DenialRoutedFixture.TOPIC + ".dlq",
                r -> denial.claimId().equals(r.key()), Duration.ofSeconds(30));
        assertEquals(denial.envelope(), dead.value());
    }

    @Test
    void aHeldEncounterGetsTheFindingAddedAndTheDenialStored() {
        String id = given().contentType(ContentType.JSON).body(EncounterFixture.officeVisit().with("serviceLines", List.of(
                        EncounterFixture.line("99213", List.of(), 1, List.of(1, 2), "150.00"),
                        EncounterFixture.line("15780", List.of(), 1, List.of(1), "900.00"))).build())
                .post("/api/v1/encounters").then().statusCode(202)
                .body("status", equalTo("NEEDS_REVIEW")).extract().path("id");
        DenialRoutedFixture denial = DenialRoutedFixture.codingDenial(id, 2);
        send(denial);

        awaitReopened(id);
        encounter(id)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings.ruleId", hasItems("NCCI_PTP", "PAYER_DENIAL"))
                .body("findings.find { it.ruleId == 'PAYER_DENIAL' }.codes", equalTo(List.of("15780")))
                .body("openDenials[0].denialId", equalTo(denial.denialId()));
    }

    @Test
    void aCorrectionClearsThePayerDenialAndPublishesTheReplacementWithItsCorrectionBlock() throws Exception {
        String id = codedEncounter();
        DenialRoutedFixture denial = DenialRoutedFixture.codingDenial(id, 1);
        send(denial);
        awaitReopened(id);

        postAs("coder.ann", id, "corrections", Map.of("diagnoses", List.of("E11.65", "I10"),
                "reason", "Payer denied CO-11: the visit treated hyperglycaemia"))
                .statusCode(200)
                .body("status", equalTo("CODED"))
                .body("findings.ruleId", not(hasItem("PAYER_DENIAL")))
                .body("openDenials", nullValue())
                .body("history.find { it.kind == 'CORRECTED_FOR_DENIAL' }.actor", equalTo("coder.ann"));

        List<ConsumerRecord<String, String>> events = codedEvents(id);
        assertEquals(2, events.size(), "the first coding and the replacement");
        assertTrue(JSON.readTree(events.get(0).value()).at("/payload/correction").isNull());
        JsonNode replacement = JSON.readTree(events.get(1).value());
        JsonNode correction = replacement.at("/payload/correction");
        assertEquals(denial.denialId(), correction.get("denialId").asText());
        assertEquals(denial.claimId(), correction.get("claimId").asText());
        assertEquals(denial.payerClaimControlNumber(), correction.get("payerClaimControlNumber").asText());
        assertEquals("7", correction.get("frequencyCode").asText());
        assertEquals("[\"11\"]", correction.get("reasonCodes").toString());
        assertEquals("[\"" + denial.denialId() + "\"]", correction.get("denialIds").toString(), "every denial it answers");
        assertEquals(denial.eventId(), replacement.get("causationId").asText());
        assertEquals("E11.65", replacement.at("/payload/diagnoses/0").asText());
        assertEquals(java.util.Set.of(), EventSchemas.violations(EventSchemas.own(CODED_TOPIC), replacement));
    }

    @Test
    void overridingThePayerDenialKeepsTheCodesAndPublishesNothing() throws Exception {
        String id = codedEncounter();
        send(DenialRoutedFixture.codingDenial(id, 1));
        awaitReopened(id);

        postAs("coder.bob", id, "overrides", Map.of("ruleId", "PAYER_DENIAL", "lineNumbers", List.of(1),
                "reason", "Documentation supports E11.9 with 99213; appeal"))
                .statusCode(200)
                .body("status", equalTo("CODED"))
                .body("openDenials", nullValue())
                .body("findings.ruleId", not(hasItem("PAYER_DENIAL")))
                .body("history.find { it.kind == 'DENIAL_DECLINED' }.actor", equalTo("coder.bob"));

        List<ConsumerRecord<String, String>> events = codedEvents(id);
        assertEquals(1, events.size(), "only the first coding: a re-send would become a duplicate original claim");
        assertTrue(JSON.readTree(events.get(0).value()).at("/payload/correction").isNull());
    }

    @Test
    void aProviderAnswerNeitherReleasesNorRepublishesAReopenedEncounter() {
        String id = codedEncounter();
        send(DenialRoutedFixture.codingDenial(id, 1));
        awaitReopened(id);

        postAs("coder.ann", id, "queries", Map.of("question", "Which diagnosis did the visit treat?")).statusCode(200);
        postAs("dr.grace", id, "queries/answer", Map.of("answer", "Type 2 diabetes, as coded."))
                .statusCode(200)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings.ruleId", hasItem("PAYER_DENIAL"));
        postAs("coder.ann", id, "overrides", Map.of("ruleId", "PAYER_DENIAL", "reason", "Provider confirms the billed codes"))
                .statusCode(200)
                .body("status", equalTo("CODED"));
        assertEquals(1, codedEvents(id).size());
    }

    @Test
    void aCorrectionStillHeldByAnotherEditIsSentAsTheReplacementWhenThatEditIsOverridden() throws Exception {
        String id = codedEncounter();
        DenialRoutedFixture denial = DenialRoutedFixture.codingDenial(id, 1);
        send(denial);
        awaitReopened(id);

        // The correction adds a dermabrasion without a modifier on the E/M: NCCI PTP 15780/99213 holds it.
        postAs("coder.ann", id, "corrections", Map.of("serviceLines", List.of(
                        EncounterFixture.line("99213", List.of(), 1, List.of(1, 2), "150.00"),
                        EncounterFixture.line("15780", List.of(), 1, List.of(1), "900.00")),
                "reason", "Payer denied CO-11: the dermabrasion was not billed"))
                .statusCode(200)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings.ruleId", not(hasItem("PAYER_DENIAL")))
                .body("findings.ruleId", hasItem("NCCI_PTP"))
                .body("openDenials[0].status", equalTo("CORRECTING"));
        postAs("coder.ann", id, "overrides", Map.of("ruleId", "NCCI_PTP", "reason", "Payer contract pays both services"))
                .statusCode(200)
                .body("status", equalTo("CODED"));

        List<ConsumerRecord<String, String>> events = codedEvents(id);
        assertEquals(2, events.size());
        assertEquals(denial.denialId(), JSON.readTree(events.get(1).value()).at("/payload/correction/denialId").asText());
    }

    private long processed(String eventId) throws Exception {
        // As the tables' owner: the service's own role sees no practice's rows outside a practice's transaction.
        try (Connection c = TestInfrastructure.get().postgres().connect("coding");
             PreparedStatement ps = c.prepareStatement("select count(*) from processed_event where event_id = ?::uuid and consumer = ?")) {
            ps.setString(1, eventId);
            ps.setString(2, "coding-service.denial-routed");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
