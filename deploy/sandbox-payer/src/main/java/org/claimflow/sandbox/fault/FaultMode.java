package org.claimflow.sandbox.fault;

/** Sandbox-only failure modes of the X12 endpoints, for testing how callers cope with an unreliable payer. */
public enum FaultMode {
    /** Answer normally. */
    NONE,
    /** Answer 503 on every /x12 call. */
    DOWN,
    /** Sleep {@code delayMillis} before answering. */
    SLOW
}
