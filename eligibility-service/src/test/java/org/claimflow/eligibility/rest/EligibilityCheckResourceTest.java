package org.claimflow.eligibility.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.claimflow.localstack.DefaultTestToken;
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
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "eligibility"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class EligibilityCheckResourceTest {

    private static final String CHECKS = "/api/v1/eligibility/checks";

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void resetThePayer() {
        SandboxPayer.healthy();
        breakers.reset(SandboxPayerGateway.BREAKER);
    }

    private static Response post(Object body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post(CHECKS);
    }

    @Test
    void answersAnActiveMemberWithPlanDatesAndCostsFromThe271() {
        Response response = post(EligibilityCheckFixture.ada().build(), null);
        response.then().statusCode(201)
                .header("Location", containsString(CHECKS + "/"))
                .header("X-Request-Id", notNullValue())
                .body("status", equalTo("ACTIVE"))
                .body("active", equalTo(true))
                .body("reasonCode", nullValue())
                .body("planName", equalTo("SANDBOX PPO GOLD"))
                .body("coverageStart", equalTo("2026-01-01"))
                .body("coverageEnd", equalTo("2026-12-31"))
                .body("copay", equalTo("25.00"))
                .body("coinsurance", equalTo("0.20"))
                .body("deductibleTotal", equalTo("500.00"))
                .body("deductibleRemaining", equalTo("0.00"))
                .body("outOfPocketTotal", equalTo("3000.00"))
                .body("outOfPocketRemaining", equalTo("2500.00"))
                .body("benefits[0].serviceTypeCode", equalTo("30"))
                .body("benefits[0].inNetwork.coinsurance", equalTo("0.20"))
                .body("benefits.find { it.serviceTypeCode == '98' }.inNetwork.copay", equalTo("25.00"))
                .body("interchangeControlNumber", notNullValue())
                // Who asked is the caller named by the token.
                .body("requestedBy", equalTo(DefaultTestToken.USER));

        String location = response.header("Location");
        given().get(location).then().statusCode(200).body("status", equalTo("ACTIVE")).body("copay", equalTo("25.00"));
        given().get(location + "/x12").then().statusCode(200)
                .contentType(startsWith("application/edi-x12"))
                .body(startsWith("ISA"))
                .body(containsString("ST*271*"));
    }

    @Test
    void reportsThePayerCallTheWholeCheckAndEachStepOfItsOverheadInServerTiming() {
        String header = post(EligibilityCheckFixture.ada().build(), null).then().statusCode(201)
                .extract().header("Server-Timing");
        assertTrue(header.startsWith("payer;dur="), header);
        var timing = new java.util.HashMap<String, Double>();
        for (String metric : header.split(", ")) {
            var matcher = java.util.regex.Pattern.compile("([a-z0-9-]+);dur=([0-9]+\\.[0-9]{3})").matcher(metric);
            assertTrue(matcher.matches(), header);
            timing.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        assertEquals(java.util.Set.of("payer", "total", "overhead", "db-key", "db-ctl", "write270", "parse271", "build",
                "db-store", "db", "other", "gc", "request"), timing.keySet(), header);
        double payer = timing.get("payer");
        double total = timing.get("total");
        assertTrue(payer > 0 && total >= payer && timing.get("request") >= total, header);
        assertEquals(total - payer, timing.get("overhead"), 0.002, header);
        assertEquals(0.0, timing.get("db-key"), header); // no Idempotency-Key sent
        assertTrue(timing.get("db-ctl") > 0 && timing.get("write270") > 0 && timing.get("parse271") > 0
                && timing.get("db-store") > 0, header);
        double steps = timing.get("db-ctl") + timing.get("write270") + payer + timing.get("parse271") + timing.get("build")
                + timing.get("db-store") + timing.get("other");
        assertEquals(total, steps, 0.01, header);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("claimflow_eligibility_payer_call_seconds_bucket"))
                .body(containsString("claimflow_eligibility_check_overhead_seconds_count"));
    }

    @Test
    void answersOnReadExactlyWhatItAnsweredWhenAsked() {
        // The answer is built from the payer's reply in memory; reading the check builds it from the stored row.
        Response asked = post(EligibilityCheckFixture.ada().build(), null);
        asked.then().statusCode(201);
        Object answered = asked.jsonPath().get("$");
        Object read = given().get(asked.header("Location")).then().statusCode(200).extract().jsonPath().get("$");
        assertEquals(answered, read);
    }

    @Test
    void asksAPayerWhoseIdIsLongerThanTheInterchangeReceiverField() {
        // The 270 goes to the clearinghouse (ISA08); the payer is named in NM1*PR, which holds 80 characters.
        post(EligibilityCheckFixture.katherine().build(), null).then().statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("planName", equalTo("SANDBOX MEDICARE PART B"));
    }

    @Test
    void answersTheRemainingDeductibleOfAMemberWhoHasNotMetIt() {
        post(EligibilityCheckFixture.alan().build(), null).then().statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("deductibleRemaining", equalTo("100.00"));
    }

    @Test
    void answersInactiveForCoverageThatEndedBeforeTheDateOfService() {
        post(EligibilityCheckFixture.grace().build(), null).then().statusCode(201)
                .body("status", equalTo("INACTIVE"))
                .body("active", equalTo(false))
                .body("reasonCode", equalTo("COVERAGE_INACTIVE"))
                .body("coverageEnd", equalTo("2025-12-31"));
    }

    @Test
    void answersNotFoundWithTheAaaReasonForAnUnknownMember() {
        post(EligibilityCheckFixture.unknownMember().build(), null).then().statusCode(201)
                .body("status", equalTo("NOT_FOUND"))
                .body("active", equalTo(false))
                .body("reasonCode", equalTo("72"))
                .body("reason", containsString("subscriber/insured ID"));
    }

    @Test
    void answersErrorWithinTheTimeoutWhenThePayerIsTooSlow() {
        SandboxPayer.slow(10_000);
        Instant start = Instant.now();
        post(EligibilityCheckFixture.ada().build(), null).then().statusCode(201)
                .body("status", equalTo("ERROR"))
                .body("active", equalTo(false))
                .body("reasonCode", equalTo("PAYER_UNAVAILABLE"))
                .body("reason", containsString("time limit"));
        Duration took = Duration.between(start, Instant.now());
        // The test profile's timeout is 4 s and a timeout is not retried: the answer comes long before the payer's.
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "took " + took);
    }

    @Test
    void answersErrorWhenThePayerIsDownThenStopsCallingItOnceTheBreakerOpens() {
        SandboxPayer.down();
        post(EligibilityCheckFixture.ada().build(), null).then().statusCode(201)
                .body("status", equalTo("ERROR"))
                .body("reasonCode", equalTo("PAYER_UNAVAILABLE"))
                .body("reason", containsString("503"));
        // Each call and its retries count against the breaker; it opens within a couple of calls.
        for (int i = 0; i < 3 && breakers.currentState(SandboxPayerGateway.BREAKER) != CircuitBreakerState.OPEN; i++) {
            post(EligibilityCheckFixture.ada().build(), null).then().statusCode(201).body("status", equalTo("ERROR"));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(SandboxPayerGateway.BREAKER));

        SandboxPayer.healthy(); // the payer is back, but the open breaker does not ask it yet
        Instant start = Instant.now();
        post(EligibilityCheckFixture.ada().build(), null).then().statusCode(201)
                .body("status", equalTo("ERROR"))
                .body("reasonCode", equalTo("PAYER_UNAVAILABLE"))
                .body("reason", containsString("circuit breaker open"));
        Duration took = Duration.between(start, Instant.now());
        assertTrue(took.compareTo(Duration.ofMillis(1_000)) < 0, "failing fast took " + took);
    }

    @Test
    void replaysTheFirstAnswerForARepeatedIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Response first = post(EligibilityCheckFixture.ada().build(), key);
        first.then().statusCode(201);
        Response second = post(EligibilityCheckFixture.ada().build(), key);
        second.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.jsonPath().getString("id"), second.jsonPath().getString("id"));
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(first.jsonPath().getInt("interchangeControlNumber"), second.jsonPath().getInt("interchangeControlNumber"));
    }

    @Test
    void refusesAnIdempotencyKeyReusedWithADifferentBody() {
        String key = UUID.randomUUID().toString();
        post(EligibilityCheckFixture.ada().build(), key).then().statusCode(201);
        post(EligibilityCheckFixture.grace().build(), key).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"));
    }

    @Test
    void givesEvery270ItsOwnControlNumber() {
        int first = post(EligibilityCheckFixture.ada().build(), null).jsonPath().getInt("interchangeControlNumber");
        int second = post(EligibilityCheckFixture.ada().build(), null).jsonPath().getInt("interchangeControlNumber");
        assertTrue(second > first, first + " then " + second);
    }

    @Test
    void defaultsTheDateOfServiceToTodayAndTheServiceTypeToPlanCoverage() {
        post(EligibilityCheckFixture.ada().with("dateOfService", null).with("serviceTypeCodes", null).build(), null)
                .then().statusCode(201)
                .body("dateOfService", equalTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()))
                .body("serviceTypeCodes", equalTo(List.of("30")));
    }

    @Test
    void namesEveryInvalidFieldInAProblemAndAsksNoPayer() {
        String practice = "invalid-" + UUID.randomUUID().toString().substring(0, 8);
        DefaultTestToken.actIn(practice);
        post(EligibilityCheckFixture.ada()
                .with("practiceId", practice)
                .with("providerNpi", "12345")
                .with("memberId", "")
                .with("serviceTypeCodes", List.of("thirty"))
                .withSubscriber("sex", "X")
                .withSubscriber("dateOfBirth", null)
                .build(), null)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem("providerNpi"))
                .body("errors.field", hasItem("memberId"))
                .body("errors.field", hasItem("serviceTypeCodes[0]"))
                .body("errors.field", hasItem("subscriber.sex"))
                .body("errors.field", hasItem("subscriber.dateOfBirth"))
                .body(not(containsString("Lovelace")));
        given().queryParam("practiceId", practice).get(CHECKS).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void refusesAnNpiWithAWrongCheckDigitAsAnInvalidField() {
        post(EligibilityCheckFixture.ada().with("providerNpi", "1234567894").build(), null).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("providerNpi")));
    }

    @Test
    void rejectsUnknownFields() {
        post(EligibilityCheckFixture.ada().with("status", "ACTIVE").build(), null).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void rejectsAWrongTypeInAField() {
        post(EligibilityCheckFixture.ada().with("dateOfService", "14/10/2026").build(), null).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("dateOfService"));
    }

    @Test
    void listsAMembersHistoryNewestFirst() {
        String practice = "history-" + UUID.randomUUID().toString().substring(0, 8);
        DefaultTestToken.actIn(practice);
        String first = post(EligibilityCheckFixture.grace().with("practiceId", practice).build(), null).jsonPath().getString("id");
        String second = post(EligibilityCheckFixture.grace().with("practiceId", practice).build(), null).jsonPath().getString("id");
        post(EligibilityCheckFixture.ada().with("practiceId", practice).build(), null).then().statusCode(201);

        given().queryParam("memberId", "M987654321").queryParam("practiceId", practice).get(CHECKS).then().statusCode(200)
                .body("total", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("items.id", equalTo(List.of(second, first)))
                .body("items.memberId", everyItem(equalTo("M987654321")));
        given().queryParam("size", 201).get(CHECKS).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void answers404AsAProblemForAnUnknownCheck() {
        given().get(CHECKS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"));
        given().get(CHECKS + "/" + UUID.randomUUID() + "/x12").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("claimflow_outbox_backlog"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/eligibility/checks"));
    }
}
