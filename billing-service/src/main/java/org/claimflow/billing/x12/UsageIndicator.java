package org.claimflow.billing.x12;

/** ISA15: whether the receiver should treat the file as a test or as production data. */
public enum UsageIndicator {
    TEST("T"),
    PRODUCTION("P");

    private final String code;

    UsageIndicator(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
