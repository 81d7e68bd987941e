package org.claimflow.billing.domain;

/** What a payer decided about a claim, as ClaimAdjudicated says it. */
public enum AdjudicationOutcome {
    PAID,
    PARTIALLY_DENIED,
    DENIED,
    REVERSED;

    public ClaimStatus claimStatus() {
        return ClaimStatus.valueOf(name());
    }
}
