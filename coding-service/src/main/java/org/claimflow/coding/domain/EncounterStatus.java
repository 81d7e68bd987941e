package org.claimflow.coding.domain;

public enum EncounterStatus {
    /** Codes passed the edits; encounter-coded was published. */
    CODED,
    /** Held by at least one error finding until a coder corrects or overrides it. */
    NEEDS_REVIEW
}
