package org.claimflow.eligibility.service;

/**
 * Another request with the same Idempotency-Key has claimed it and not answered yet (409 with Retry-After).
 * Unlike a conflict the client must resolve, retrying the same request later replays the first answer.
 */
public class IdempotencyKeyInUseException extends RuntimeException {
    public IdempotencyKeyInUseException() {
        super("A request with this Idempotency-Key is still being processed; retry it shortly.");
    }
}
