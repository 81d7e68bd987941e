package org.claimflow.denial.domain;

/** Where a denial stands. The walking skeleton only routes; working, appealing and closing come next. */
public enum DenialStatus {
    /** Routed to a queue, nobody has acted on it yet. */
    OPEN
}
