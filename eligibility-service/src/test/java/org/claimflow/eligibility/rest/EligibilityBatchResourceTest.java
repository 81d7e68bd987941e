package org.claimflow.eligibility.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.eligibility.gateway.SandboxPayerGateway;
import org.claimflow.eligibility.support.EligibilityCheckFixture;
import org.claimflow.eligibility.support.SandboxPayer;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "eligibility"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class EligibilityBatchResourceTest {

    private static final String BATCHES = "/api/v1/eligibility/batches";

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void resetThePayer() {
        SandboxPayer.healthy();
        breakers.reset(SandboxPayerGateway.BREAKER);
    }

    /** A batch item: the real-time fixture without the batch-level fields, with the caller's reference. */
    private static Map<String, Object> item(EligibilityCheckFixture fixture, String reference) {
        Map<String, Object> item = new LinkedHashMap<>(fixture.build());
        item.remove("practiceId");
        item.remove("providerNpi");
        item.put("reference", reference);
        return item;
    }

    private static Map<String, Object> batch(List<Map<String, Object>> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("practiceId", "demo-practice");
        body.put("providerNpi", EligibilityCheckFixture.PROVIDER_NPI);
        body.put("items", new ArrayList<>(items));
        return body;
    }

    private static Map<String, Object> threeAppointments() {
        return batch(List.of(item(EligibilityCheckFixture.ada(), "appt-1"), item(EligibilityCheckFixture.grace(), "appt-2"),
                item(EligibilityCheckFixture.unknownMember(), "appt-3")));
    }

    private static Response post(Object body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(BATCHES);
    }

    private static Response awaitCompleted(String location) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "COMPLETED".equals(given().get(location).path("status")));
        return given().get(location);
    }

    @Test
    void completesABatchWithEachAppointmentsOwnAnswer() {
        Response accepted = post(threeAppointments(), null);
        accepted.then().statusCode(202)
                .header("Location", containsString(BATCHES + "/"))
                .body("counts.total", equalTo(3))
                .body("items.total", equalTo(3));
        String location = accepted.header("Location");

        awaitCompleted(location).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("counts.done", equalTo(3))
                .body("counts.failed", equalTo(0))
                .body("items.items.reference", equalTo(List.of("appt-1", "appt-2", "appt-3")))
                .body("items.items.status", equalTo(List.of("DONE", "DONE", "DONE")))
                .body("items.items[0].coverageStatus", equalTo("ACTIVE"))
                .body("items.items[0].active", equalTo(true))
                .body("items.items[0].planName", equalTo("SANDBOX PPO GOLD"))
                .body("items.items[0].copay", equalTo("25.00"))
                .body("items.items[1].coverageStatus", equalTo("INACTIVE"))
                .body("items.items[1].reasonCode", equalTo("COVERAGE_INACTIVE"))
                .body("items.items[2].coverageStatus", equalTo("NOT_FOUND"))
                .body("items.items[2].reasonCode", equalTo("72"));

        // Each result is an ordinary stored check, in the member's history.
        String checkId = given().get(location).path("items.items[1].checkId");
        given().get("/api/v1/eligibility/checks/" + checkId).then().statusCode(200).body("status", equalTo("INACTIVE"));
    }

    @Test
    void pagesThroughABatchsItemsInTheOrderSent() {
        String location = post(threeAppointments(), null).then().statusCode(202).extract().header("Location");
        given().queryParam("page", 1).queryParam("size", 2).get(location).then().statusCode(200)
                .body("items.page", equalTo(1))
                .body("items.size", equalTo(2))
                .body("items.total", equalTo(3))
                .body("items.items.index", equalTo(List.of(2)))
                .body("items.items[0].reference", equalTo("appt-3"));
    }

    @Test
    void refusesABatchWithAnInvalidItemNamingTheItemsField() {
        var items = new ArrayList<>(List.of(item(EligibilityCheckFixture.ada(), "a"), item(EligibilityCheckFixture.grace(), "b"),
                item(EligibilityCheckFixture.alan(), "c"), item(EligibilityCheckFixture.ada().with("memberId", "!"), "d")));
        post(batch(items), null).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem("items[3].memberId"))
                .body("errors.field", everyItem(equalTo("items[3].memberId")));
    }

    @Test
    void refusesAnEmptyBatchAndAnItemWithoutADateOfService() {
        post(batch(List.of()), null).then().statusCode(400).body("errors.field", hasItem("items"));
        var item = item(EligibilityCheckFixture.ada(), "a");
        item.remove("dateOfService");
        post(batch(List.of(item)), null).then().statusCode(400).body("errors.field", hasItem("items[0].dateOfService"));
    }

    @Test
    void replaysTheSameBatchForARepeatedIdempotencyKey() {
        String key = "batch-" + UUID.randomUUID();
        Response first = post(threeAppointments(), key);
        first.then().statusCode(202).header("Idempotent-Replayed", nullValue());
        Response again = post(threeAppointments(), key);
        again.then().statusCode(202).header("Idempotent-Replayed", equalTo("true"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.path("id").toString(), again.path("id").toString());

        var other = threeAppointments();
        ((List<?>) other.get("items")).remove(2);
        post(other, key).then().statusCode(422);
    }

    @Test
    void retriesAnItemWhileThePayerIsDownAndCompletesItOnceThePayerIsBack() {
        SandboxPayer.down();
        String location = post(batch(List.of(item(EligibilityCheckFixture.alan(), "later"))), null)
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Response r = given().get(location);
                    return "PENDING".equals(r.path("items.items[0].status")) && r.<Integer>path("items.items[0].attempts") >= 1;
                });
        given().get(location).then().body("status", equalTo("RUNNING")).body("items.items[0].checkId", nullValue());

        SandboxPayer.healthy();
        breakers.reset(SandboxPayerGateway.BREAKER);
        awaitCompleted(location).then()
                .body("items.items[0].status", equalTo("DONE"))
                .body("items.items[0].coverageStatus", equalTo("ACTIVE"));
    }

    @Test
    void answers404ForAnUnknownBatch() {
        given().get(BATCHES + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", notNullValue());
    }
}
