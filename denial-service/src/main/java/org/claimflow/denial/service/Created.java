package org.claimflow.denial.service;

/**
 * The answer to a creating POST as it is sent and, for a retry with the same Idempotency-Key, replayed.
 *
 * @param body     the response body as JSON text
 * @param location path of the created resource, e.g. {@code /api/v1/appeals/…}
 */
public record Created(int status, String body, String location, boolean replayed) {
}
