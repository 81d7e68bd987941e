package org.claimflow.coding.domain;

public enum EncounterStatus {
    /** Codes passed the edits; encounter-coded was published. */
    CODED,
    /** Held by at least one error finding until a coder corrects or overrides it. */
    NEEDS_REVIEW,
    /** Held while the provider answers a coder's question; the answer puts it back in review. */
    QUERY_PROVIDER
}
