package org.claimflow.eligibility.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.claimflow.localstack.SandboxPayerTestResource;

import io.restassured.http.ContentType;

/** Switches the running sandbox payer's fault modes (its PUT /sandbox/faults). */
public final class SandboxPayer {

    private SandboxPayer() {
    }

    /** Every request answered 503. */
    public static void down() {
        faults(Map.of("mode", "DOWN", "delayMillis", 0));
    }

    /** Every request answered after the given delay. */
    public static void slow(long delayMillis) {
        faults(Map.of("mode", "SLOW", "delayMillis", delayMillis));
    }

    public static void healthy() {
        faults(Map.of("mode", "NONE", "delayMillis", 0));
    }

    private static void faults(Map<String, Object> body) {
        given().baseUri(SandboxPayerTestResource.url()).contentType(ContentType.JSON).body(body)
                .put("/sandbox/faults")
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
    }
}
