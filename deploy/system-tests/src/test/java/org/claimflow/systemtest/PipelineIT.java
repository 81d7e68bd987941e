package org.claimflow.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.claimflow.localstack.ClaimflowSystem;
import org.claimflow.localstack.DemoRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

/**
 * The whole system ({@link SystemUnderTest}): the demo encounters go in through the public API and are followed
 * to their terminal state in every service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    private static ClaimflowSystem system;
    private static List<DemoRunner.Outcome> outcomes;

    @BeforeAll
    static void startTheSystem() {
        system = SystemUnderTest.system();
    }

    private static DemoRunner runner() {
        return SystemUnderTest.runner();
    }

    @Test
    @Order(1)
    void everyDemoEncounterReachesItsExpectedTerminalState() {
        outcomes = runner().run(DemoRunner.scenarios(), "IT", Duration.ofSeconds(180));
        System.out.print(DemoRunner.summary(outcomes));
        List<String> wrong = outcomes.stream().filter(o -> !o.matchesExpectation())
                .map(o -> o.scenario().name() + " → " + o.outcome() + " " + o.denialQueues()).toList();
        assertEquals(List.of(), wrong);
        // The run covers paid, patient-responsibility, denied-and-routed and held outcomes.
        assertTrue(outcomes.stream().anyMatch(o -> o.outcome().equals("PAID") && o.scenario().expect().path("patientOwes").asBoolean()));
        assertTrue(outcomes.stream().anyMatch(o -> o.outcome().equals("DENIED") && !o.denialQueues().isEmpty()));
        assertTrue(outcomes.stream().anyMatch(o -> o.outcome().equals("HELD_FOR_CODING")));
    }

    @Test
    @Order(2)
    void everyAdjudicatedClaimReconcilesToTheCent() {
        for (DemoRunner.Outcome o : outcomes) {
            if (o.claimId() == null) {
                continue;
            }
            JsonNode claim = json(given().get(system.url("billing-service") + "/api/v1/claims/" + o.claimId())
                    .then().statusCode(200).extract().asString());
            JsonNode amounts = claim.get("amounts");
            BigDecimal charge = money(amounts, "charged");
            assertTrue(charge.signum() > 0, o.scenario().name());
            BigDecimal accounted = money(amounts, "paid").add(money(amounts, "adjusted"))
                    .add(money(amounts, "patientResponsibility")).add(money(amounts, "outstanding"));
            assertEquals(0, charge.compareTo(accounted), o.scenario().name() + ": " + claim);
        }
    }

    @Test
    @Order(3)
    void redeliveringEveryPipelineEventChangesNothing() throws Exception {
        List<DemoRunner.Outcome> adjudicated = outcomes.stream().filter(o -> o.claimId() != null).toList();
        Map<String, Integer> denialsBefore = new java.util.HashMap<>();
        for (DemoRunner.Outcome o : adjudicated) {
            denialsBefore.put(o.claimId(), denialCount(o.claimId()));
        }
        // Replay every event of every topic, as a consumer restart before its offset commit would.
        int replayed = 0;
        for (String topic : ClaimflowSystem.TOPICS) {
            replayed += replay(topic);
        }
        assertTrue(replayed >= adjudicated.size() * 4, "replayed " + replayed + " events");
        // Give the consumers time to work through the duplicates, then nothing may have changed.
        Thread.sleep(8000);
        for (DemoRunner.Outcome o : adjudicated) {
            given().get(system.url("billing-service") + "/api/v1/claims?encounterId=" + o.encounterId())
                    .then().statusCode(200).body("items", hasSize(1));
            assertEquals(denialsBefore.get(o.claimId()), denialCount(o.claimId()), o.scenario().name());
        }
        List<DemoRunner.Outcome> again = new ArrayList<>();
        for (DemoRunner.Outcome o : outcomes) {
            again.add(runner().follow(o.scenario(), o.externalId(), o.encounterId(), Instant.now().plusSeconds(30)));
        }
        for (int i = 0; i < outcomes.size(); i++) {
            assertEquals(outcomes.get(i).outcome(), again.get(i).outcome());
            assertEquals(outcomes.get(i).paid(), again.get(i).paid());
        }
    }

    @Test
    @Order(4)
    void aRetriedIntakeWithTheSameIdempotencyKeyCreatesOneEncounter() {
        ObjectNode body = DemoRunner.scenarios().get(0).encounter().deepCopy();
        body.put("externalId", "IT-RETRY-" + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        String first = runner().submit(body, key);
        String second = runner().submit(body, key);
        assertEquals(first, second);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get(system.url("billing-service") + "/api/v1/claims?encounterId=" + first)
                        .then().statusCode(200).body("items", hasSize(1)));
    }

    @Test
    @Order(5)
    void badInputIsAProblemAndStoresNothing() {
        given().contentType(ContentType.JSON).body("{\"practiceId\":\"demo-practice\"}")
                .post(system.url("coding-service") + "/api/v1/encounters")
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo("/problems/validation"));
    }

    @Test
    @Order(6)
    void theClaimFileOfEveryDemoClaimReadsInAnIndependentX12Parser() throws Exception {
        assumeTrue(IndependentX12Check.nodeAvailable(), "node is not on the PATH: the node-x12 cross-check is skipped");
        IndependentX12Check.install();
        int checked = 0;
        for (DemoRunner.Outcome o : outcomes) {
            if (o.claimId() == null || "NOT_ELIGIBLE".equals(o.outcome())) {
                continue;
            }
            String x12 = given().get(system.url("billing-service") + "/api/v1/claims/" + o.claimId() + "/x12")
                    .then().statusCode(200).extract().asString();
            IndependentX12Check.assertReads(x12, o.scenario().name());
            checked++;
        }
        assertTrue(checked >= 6, "checked " + checked + " claim files");
    }

    private static int denialCount(String claimId) {
        return given().get(system.url("denial-service") + "/api/v1/denials?claimId=" + claimId)
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    private static int replay(String topic) {
        String bootstrap = system.kafka().bootstrapServers();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "replay-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "enable.auto.commit", "false"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant until = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(until)) {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            }
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            for (ConsumerRecord<String, String> r : records) {
                ProducerRecord<String, String> copy = new ProducerRecord<>(topic, null, r.key(), r.value(), r.headers());
                producer.send(copy);
            }
            producer.flush();
        }
        return records.size();
    }

    private static JsonNode json(String body) {
        return SystemUnderTest.json(body);
    }

    private static BigDecimal money(JsonNode node, String field) {
        return SystemUnderTest.money(node, field);
    }
}
