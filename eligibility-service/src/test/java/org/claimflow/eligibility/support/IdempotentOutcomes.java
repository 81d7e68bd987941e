package org.claimflow.eligibility.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

import io.restassured.response.Response;

/**
 * What concurrent requests with one Idempotency-Key may answer (API.md, README "Idempotency"): the request
 * that created the resource, replays of its response, 422 for another body, or 409
 * {@value #KEY_IN_USE} with Retry-After while the first is still in flight; never a 5xx.
 */
public final class IdempotentOutcomes {

    public static final String KEY_IN_USE = "/problems/idempotency-key-in-use";
    public static final String KEY_REUSED = "/problems/idempotency-key-reused";

    private IdempotentOutcomes() {
    }

    /**
     * Same key, same body: exactly one response created (no Idempotent-Replayed), every other 2xx replays it
     * (same status, body and Location), anything else is the documented 409.
     *
     * @return the created response
     */
    public static Response sameBody(List<Response> responses, int createdStatus) {
        Response created = onlyCreated(responses, createdStatus);
        for (Response r : responses) {
            if (r.statusCode() / 100 == 2) {
                assertEquals(createdStatus, r.statusCode(), summary(responses));
                assertEquals(created.header("Location"), r.header("Location"), "every answer names the same resource");
                assertEquals(created.asString(), r.asString(), "a replay answers the first body");
            } else {
                assertKeyInUse(r, responses);
            }
        }
        return created;
    }

    /** Same key, a different body on each request: exactly one created; the others 422, or 409 while it was in flight. */
    public static Response differentBodies(List<Response> responses, int createdStatus) {
        Response created = onlyCreated(responses, createdStatus);
        for (Response r : responses) {
            if (r == created) {
                continue;
            }
            if (r.statusCode() == 422) {
                assertProblem(r, KEY_REUSED, responses);
            } else {
                assertKeyInUse(r, responses);
            }
        }
        return created;
    }

    private static Response onlyCreated(List<Response> responses, int createdStatus) {
        for (Response r : responses) {
            assertTrue(r.statusCode() < 500, "no request may fail with " + r.statusCode() + ": " + summary(responses));
        }
        List<Response> created = responses.stream()
                .filter(r -> r.statusCode() / 100 == 2 && r.header("Idempotent-Replayed") == null)
                .toList();
        assertEquals(1, created.size(), "exactly one request creates: " + summary(responses));
        assertEquals(createdStatus, created.get(0).statusCode());
        assertNotNull(created.get(0).header("Location"));
        return created.get(0);
    }

    private static void assertKeyInUse(Response r, List<Response> all) {
        if (r.statusCode() != 409) {
            fail("expected a replay, 422 or 409, got " + r.statusCode() + ": " + summary(all));
        }
        assertProblem(r, KEY_IN_USE, all);
        assertNotNull(r.header("Retry-After"), "a 409 for a key in flight tells the client when to retry");
    }

    private static void assertProblem(Response r, String type, List<Response> all) {
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(type, r.path("type"), summary(all));
    }

    private static String summary(List<Response> responses) {
        return responses.stream()
                .map(r -> r.statusCode() + (r.statusCode() >= 300 ? " " + r.asString() : ""))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
