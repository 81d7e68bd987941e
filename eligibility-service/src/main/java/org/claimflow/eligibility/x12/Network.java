package org.claimflow.eligibility.x12;

/** EB12 in plan network indicator. */
public enum Network {
    /** Y */
    IN_NETWORK,
    /** N */
    OUT_OF_NETWORK,
    /** W: not applicable, the benefit is the same in and out of network. */
    BOTH,
    /** U or absent. */
    UNKNOWN;

    static Network fromCode(String eb12) {
        if (eb12 == null) {
            return UNKNOWN;
        }
        return switch (eb12) {
            case "Y" -> IN_NETWORK;
            case "N" -> OUT_OF_NETWORK;
            case "W" -> BOTH;
            default -> UNKNOWN;
        };
    }
}
