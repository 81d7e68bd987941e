package org.claimflow.denial.service;

/** The same Idempotency-Key came back with a different request body (422). */
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used with a different request body.");
    }
}
