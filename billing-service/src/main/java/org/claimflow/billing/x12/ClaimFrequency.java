package org.claimflow.billing.x12;

/** CLM05-3 claim frequency type code: an original claim, a replacement (corrected claim) or a void. */
public enum ClaimFrequency {
    ORIGINAL("1"),
    REPLACEMENT("7"),
    VOID("8");

    private final String code;

    ClaimFrequency(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Replacements and voids refer to the payer's original claim (REF*F8). */
    public boolean refersToOriginalClaim() {
        return this != ORIGINAL;
    }
}
