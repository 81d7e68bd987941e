package org.claimflow.billing.domain;

/** Where a claim is in its life; the README draws the transitions. */
public enum ClaimStatus {
    /** Built from a coded encounter; waiting for the eligibility check. */
    ASSEMBLED,
    /** The member's coverage is not active (or could not be checked): held, never submitted. */
    NOT_ELIGIBLE,
    /**
     * The claim scrubber found data a payer or clearinghouse would reject (findings on the claim): held, not
     * submitted, until a data correction clears it.
     */
    SCRUB_HOLD,
    /** Eligible; the submission job picks it up. */
    READY_TO_SUBMIT,
    /** Written into an 837P interchange that is being sent. */
    SUBMITTING,
    /** The 837P could not be written (the problems are in the history); a person must fix the data. */
    SUBMISSION_FAILED,
    /** The clearinghouse accepted the interchange (999). */
    SUBMITTED,
    /** The payer accepted the claim into adjudication (277CA). */
    ACCEPTED,
    /** Rejected at the front door (999 or 277CA): not a denial; fix and resubmit. */
    REJECTED,
    /** Adjudicated: every line paid something. */
    PAID,
    /** Adjudicated: some lines paid nothing for a non-contractual reason. */
    PARTIALLY_DENIED,
    /** Adjudicated: nothing paid. */
    DENIED,
    /** The payer reversed its earlier adjudication (CLP02 22). */
    REVERSED,
    /** Reversed by the payer because a replacement claim (frequency 7) took its place; the replacement carries the money. */
    REPLACED,
    /**
     * Voided: the original once the payer posted the reversal of a void (frequency 8), and the void claim itself
     * then (the payer never adjudicates a void on its own).
     */
    VOIDED
}
