package org.claimflow.sandbox.adjudication;

/** CLP02 values the sandbox produces. */
public enum ClaimStatus {
    PROCESSED_AS_PRIMARY("1"),
    DENIED("4"),
    REVERSAL("22");

    private final String code;

    ClaimStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
