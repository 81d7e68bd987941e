package org.claimflow.denial.domain;

/** The payer's decision on a claim, as billing reads it from the 835 (docs/events.md, ClaimAdjudicated). */
public enum AdjudicationOutcome {
    PAID,
    PARTIALLY_DENIED,
    DENIED,
    /** CLP02 = 22: the payer takes back an earlier decision; nothing to route as a denial. */
    REVERSED
}
