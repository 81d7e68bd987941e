package org.claimflow.coding.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.coding.support.IdempotentOutcomes;
import org.claimflow.coding.support.SimultaneousRequests;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Retries that overlap (a client timing out and sending again) must never make a second encounter. */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class EncounterIdempotencyTest {

    private static final int AT_ONCE = 12;

    @BeforeEach
    void codeSetsLoaded() {
        CodeSetsReady.await();
    }

    private static Response post(Map<String, Object> body, String key) {
        return given().contentType(ContentType.JSON).header("Authorization", as((String) body.get("practiceId")))
                .header("Idempotency-Key", key).body(body).post("/api/v1/encounters");
    }

    /** Each test works in a practice of its own, so counting its encounters counts what the test made. */
    private static String newPractice() {
        return "idem-" + UUID.randomUUID();
    }

    /** A caller of the test's own practice (the practice is the token's). */
    private static String as(String practice) {
        return DefaultTestToken.bearerIn(practice, "pms");
    }

    private static int encountersOf(String practice) {
        return given().header("Authorization", as(practice)).get("/api/v1/encounters").then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void createsOneEncounterWhenTheSameKeyAndBodyArriveTogether() {
        String practice = newPractice();
        Map<String, Object> body = EncounterFixture.officeVisit().with("practiceId", practice).build();
        String key = UUID.randomUUID().toString();

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> post(body, key));

        Response created = IdempotentOutcomes.sameBody(responses, 202);
        assertEquals(1, encountersOf(practice));
        given().header("Authorization", as(practice)).get(created.header("Location")).then().statusCode(200);
    }

    @Test
    void createsOneEncounterWhenTheSameKeyArrivesWithDifferentBodiesTogether() {
        String practice = newPractice();
        String key = UUID.randomUUID().toString();
        // A different externalId each: without the key each body would be an encounter of its own.
        List<Map<String, Object>> bodies = java.util.stream.IntStream.range(0, AT_ONCE)
                .mapToObj(i -> EncounterFixture.officeVisit().with("practiceId", practice).build())
                .toList();

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> post(bodies.get(i), key));

        IdempotentOutcomes.differentBodies(responses, 202);
        assertEquals(1, encountersOf(practice));
    }

    @Test
    void replaysTheIdenticalResponseOnceTheFirstHasCompleted() {
        String practice = newPractice();
        Map<String, Object> body = EncounterFixture.officeVisit().with("practiceId", practice).build();
        String key = UUID.randomUUID().toString();

        Response first = post(body, key);
        Response again = post(body, key);

        assertEquals(202, first.statusCode());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.statusCode(), again.statusCode());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.asString(), again.asString());
        assertEquals(1, encountersOf(practice));
    }
}
