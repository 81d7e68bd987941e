package org.claimflow.billing.x12;

/**
 * The outcome of a 999 for a transaction set (IK501) or a functional group (AK901).
 */
public enum AcknowledgmentStatus {
    /** A: accepted. */
    ACCEPTED,
    /** E: accepted, but errors were noted. */
    ACCEPTED_WITH_ERRORS,
    /** P (AK901 only): some transaction sets accepted, some rejected. */
    PARTIALLY_ACCEPTED,
    /** R, M, W, X: rejected (R syntax errors, M MAC failed, W assurance failed, X content could not be analyzed). */
    REJECTED,
    /** A code the 999 TR3 does not define. */
    UNKNOWN;

    static AcknowledgmentStatus fromCode(String code) {
        return switch (code) {
            case "A" -> ACCEPTED;
            case "E" -> ACCEPTED_WITH_ERRORS;
            case "P" -> PARTIALLY_ACCEPTED;
            case "R", "M", "W", "X" -> REJECTED;
            default -> UNKNOWN;
        };
    }
}
