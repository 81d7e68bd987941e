package org.claimflow.eligibility.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.eligibility.gateway.SandboxPayerGateway;
import org.claimflow.eligibility.support.EligibilityCheckFixture;
import org.claimflow.eligibility.support.IdempotentOutcomes;
import org.claimflow.eligibility.support.SandboxPayer;
import org.claimflow.eligibility.support.SimultaneousRequests;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.claimflow.localstack.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

/**
 * Retries that overlap (a practice system timing out and sending again) must ask the payer once and make one
 * check or one batch. A check claims its key in a transaction of its own before the payer call, so a duplicate
 * arriving meanwhile is answered 409 /problems/idempotency-key-in-use with Retry-After; a batch claims it in the
 * transaction that stores the batch, so a duplicate waits and replays.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "eligibility"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class EligibilityIdempotencyTest {

    private static final String CHECKS = "/api/v1/eligibility/checks";
    private static final String BATCHES = "/api/v1/eligibility/batches";
    private static final int AT_ONCE = 12;

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void resetThePayer() {
        SandboxPayer.healthy();
        breakers.reset(SandboxPayerGateway.BREAKER);
    }

    private static Response post(String path, Object body, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(path);
    }

    /** Each test works in a practice of its own, so counting its checks and batches counts what the test made. */
    private static String newPractice() {
        String practice = "idem-" + UUID.randomUUID();
        DefaultTestToken.actIn(practice);
        return practice;
    }

    private static int checksOf(String practice) {
        return given().queryParam("practiceId", practice).get(CHECKS).then().statusCode(200).extract().path("total");
    }

    /** As the tables' owner: the service's own role sees no practice's rows outside a practice's transaction. */
    private static int batchesOf(String practice) throws SQLException {
        try (Connection c = TestInfrastructure.get().postgres().connect("eligibility");
             PreparedStatement count = c.prepareStatement("select count(*) from eligibility_batch where practice_id = ?")) {
            count.setString(1, practice);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Map<String, Object> batch(String practice, String dateOfService) {
        Map<String, Object> item = new LinkedHashMap<>(EligibilityCheckFixture.ada().with("dateOfService", dateOfService).build());
        item.remove("practiceId");
        item.remove("providerNpi");
        item.put("reference", "appt-1");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("practiceId", practice);
        body.put("providerNpi", EligibilityCheckFixture.PROVIDER_NPI);
        body.put("items", new ArrayList<>(List.of(item)));
        return body;
    }

    @Test
    void asksThePayerOnceWhenTheSameCheckArrivesTogetherAndAnswersTheOthers409UntilItIsDone() {
        // The payer takes its time, so the first check is surely still asking when the others claim the key.
        SandboxPayer.slow(1_500);
        String practice = newPractice();
        Map<String, Object> body = EligibilityCheckFixture.ada().with("practiceId", practice).build();
        String key = UUID.randomUUID().toString();

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> post(CHECKS, body, key));

        Response created = IdempotentOutcomes.sameBody(responses, 201);
        assertTrue(responses.stream().anyMatch(r -> r.statusCode() == 409), "duplicates during the payer call get 409");
        assertEquals(1, checksOf(practice));

        Response retried = post(CHECKS, body, key);
        assertEquals(201, retried.statusCode());
        assertEquals("true", retried.header("Idempotent-Replayed"));
        assertEquals(created.header("Location"), retried.header("Location"));
        assertEquals(created.asString(), retried.asString());
    }

    @Test
    void makesOneCheckWhenTheSameKeyArrivesWithDifferentChecksTogether() {
        String practice = newPractice();
        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> bodies = IntStream.range(0, AT_ONCE)
                .mapToObj(i -> EligibilityCheckFixture.ada().with("practiceId", practice)
                        .with("dateOfService", String.format("2026-10-%02d", i + 1)).build())
                .toList();

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> post(CHECKS, bodies.get(i), key));

        IdempotentOutcomes.differentBodies(responses, 201);
        assertEquals(1, checksOf(practice));
    }

    @Test
    void storesOneBatchWhenTheSameBatchArrivesTogether() throws SQLException {
        String practice = newPractice();
        Map<String, Object> body = batch(practice, EligibilityCheckFixture.DATE_OF_SERVICE);
        String key = UUID.randomUUID().toString();

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> post(BATCHES, body, key));

        Response created = IdempotentOutcomes.sameBody(responses, 202);
        assertEquals(1, batchesOf(practice));

        Response retried = post(BATCHES, body, key);
        assertEquals(202, retried.statusCode());
        assertEquals("true", retried.header("Idempotent-Replayed"));
        assertEquals(created.header("Location"), retried.header("Location"));
        assertEquals(created.asString(), retried.asString());
    }

    @Test
    void storesOneBatchWhenTheSameKeyArrivesWithDifferentBatchesTogether() throws SQLException {
        String practice = newPractice();
        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> bodies = IntStream.range(0, AT_ONCE)
                .mapToObj(i -> batch(practice, String.format("2026-10-%02d", i + 1)))
                .toList();

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> post(BATCHES, bodies.get(i), key));

        IdempotentOutcomes.differentBodies(responses, 202);
        assertEquals(1, batchesOf(practice));
    }

    @Test
    void replaysTheIdenticalCheckOnceTheFirstHasCompleted() {
        String practice = newPractice();
        Map<String, Object> body = EligibilityCheckFixture.alan().with("practiceId", practice).build();
        String key = UUID.randomUUID().toString();

        Response first = post(CHECKS, body, key);
        Response again = post(CHECKS, body, key);

        assertEquals(201, first.statusCode());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(first.statusCode(), again.statusCode());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.asString(), again.asString());
        assertEquals(1, checksOf(practice));
    }

    /**
     * Makes the key look as a process left it that died between claiming the key and storing the answer
     * (kill -9 during the payer call): claimed {@code secondsAgo} seconds ago, no response.
     */
    private static void abandonKey(String practice, String key, int secondsAgo) throws SQLException {
        try (Connection c = TestInfrastructure.get().postgres().connect("eligibility");
             PreparedStatement update = c.prepareStatement("""
                     update idempotency_key set response_status = null, response_body = null, location = null,
                            created_at = now() - make_interval(secs => ?)
                     where practice_id = ? and idempotency_key = ?""")) {
            update.setInt(1, secondsAgo);
            update.setString(2, practice);
            update.setString(3, key);
            assertEquals(1, update.executeUpdate());
        }
    }

    @Test
    void takesOverAKeyWhoseCheckDiedWithItsProcessOnceItIsStale() throws SQLException {
        String practice = newPractice();
        Map<String, Object> body = EligibilityCheckFixture.alan().with("practiceId", practice).build();
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(CHECKS, body, key).statusCode());

        abandonKey(practice, key, 30);
        Response whileItMightStillRun = post(CHECKS, body, key);
        assertEquals(409, whileItMightStillRun.statusCode(), "a claim younger than the stale limit (2 min) may be alive");
        assertEquals("1", whileItMightStillRun.header("Retry-After"));

        abandonKey(practice, key, 180);
        Response takenOver = post(CHECKS, body, key);
        assertEquals(201, takenOver.statusCode());
        assertNull(takenOver.header("Idempotent-Replayed"), "the dead request left no answer to replay: the payer is asked again");
        assertEquals(2, checksOf(practice));

        Response retried = post(CHECKS, body, key);
        assertEquals("true", retried.header("Idempotent-Replayed"));
        assertEquals(takenOver.header("Location"), retried.header("Location"));
        assertEquals(2, checksOf(practice));
    }

    @Test
    void aStaleKeyIsTakenOverByExactlyOneOfManyRetries() throws SQLException {
        String practice = newPractice();
        Map<String, Object> body = EligibilityCheckFixture.alan().with("practiceId", practice).build();
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(CHECKS, body, key).statusCode());
        abandonKey(practice, key, 600);
        SandboxPayer.slow(1_500);

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> post(CHECKS, body, key));

        IdempotentOutcomes.sameBody(responses, 201);
        assertEquals(2, checksOf(practice), "one new check for the dead one, not one per retry");
    }
}
