package org.claimflow.coding.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;

/** The code sets load in the background after start-up; tests that run edits wait for readiness first. */
public final class CodeSetsReady {

    private CodeSetsReady() {
    }

    public static void await() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }
}
