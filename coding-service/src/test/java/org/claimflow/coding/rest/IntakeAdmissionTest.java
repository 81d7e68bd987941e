package org.claimflow.coding.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Load shedding at the door: when every place is taken, intake answers 503 + Retry-After at once and stores nothing. */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class IntakeAdmissionTest {

    @Inject
    IntakeAdmission admission;

    private int taken;

    @BeforeEach
    void codeSetsLoadedAndEarlierCallsDone() {
        CodeSetsReady.await();
        // A previous test's last call may still be finishing its response; a place that never comes back is a leak.
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.inFlight() == 0);
    }

    @AfterEach
    void freeThePlaces() {
        for (; taken > 0; taken--) {
            admission.leave();
        }
    }

    /** Takes every place, as that many slow calls in flight would. */
    private void fillEveryPlace() {
        while (admission.tryEnter()) {
            taken++;
        }
    }

    @Test
    void aFullHouseShedsIntakeWithAProblemAndRetryAfterAndStoresNothing() {
        var fixture = EncounterFixture.officeVisit();
        fillEveryPlace();
        assertEquals(admission.limit(), taken, "the limit is what the configuration says");

        given().contentType(ContentType.JSON).header("Idempotency-Key", "shed-" + UUID.randomUUID()).header("X-Request-Id", "shed-test-1")
                .body(fixture.build())
                .post("/api/v1/encounters")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .header("X-Request-Id", "shed-test-1")
                .body("type", equalTo("/problems/overloaded"))
                .body("status", equalTo(503))
                .body("instance", equalTo("/api/v1/encounters"));

        // Nothing was stored: neither the encounter (its externalId is still free) nor the Idempotency-Key.
        freeThePlaces();
        given().contentType(ContentType.JSON).body(fixture.build())
                .post("/api/v1/encounters").then().statusCode(202);
    }

    @Test
    void theDryRunEditCheckIsShedToo() {
        fillEveryPlace();
        given().contentType(ContentType.JSON).body(EncounterFixture.officeVisit().build())
                .post("/api/v1/coding/edits")
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("type", equalTo("/problems/overloaded"));
    }

    @Test
    void oncePlacesAreFreeTheSameRetryIsAccepted() {
        var body = EncounterFixture.officeVisit().build();
        String key = "shed-" + UUID.randomUUID();
        fillEveryPlace();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/encounters").then().statusCode(503);
        freeThePlaces();

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/encounters").then().statusCode(202)
                .header("Location", startsWith("http"))
                .body("id", not(emptyOrNullString()));
        // Admitted calls give their place back once answered: the house is empty again.
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.inFlight() == 0);
    }

    @Test
    void readsAreNeverShed() {
        fillEveryPlace();
        given().get("/api/v1/encounters").then().statusCode(200);
    }
}
