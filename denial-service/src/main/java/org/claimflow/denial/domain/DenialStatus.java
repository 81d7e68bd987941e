package org.claimflow.denial.domain;

/** Where a denial stands; {@link DenialStatusPolicy} says which step may follow which. */
public enum DenialStatus {
    /** Routed to a queue, nobody has acted on it yet. */
    OPEN,
    /** Someone is working it (an appeal is being drafted, a correction prepared). */
    IN_PROGRESS,
    /** An appeal was submitted to the payer; waiting for the decision. */
    APPEALED,
    /** A corrected (replacement or void) claim was requested from billing. */
    CORRECTED,
    /** Given up: the amount is written off. */
    WRITTEN_OFF,
    /** The payer reversed its denial on appeal. */
    WON,
    /** The payer upheld its denial on appeal. */
    LOST;

    public boolean closed() {
        return this == CORRECTED || this == WRITTEN_OFF || this == WON || this == LOST;
    }
}
