package org.claimflow.billing.x12;

/** DMG03 gender code. */
public enum Sex {
    FEMALE("F"),
    MALE("M"),
    UNKNOWN("U");

    private final String code;

    Sex(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
