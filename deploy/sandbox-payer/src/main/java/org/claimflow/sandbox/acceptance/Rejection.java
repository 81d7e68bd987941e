package org.claimflow.sandbox.acceptance;

/**
 * Why a claim was turned away at the front door (277CA STC01 category A3). A rejection is not a denial:
 * the claim never reached adjudication; fix it and submit it again.
 */
public enum Rejection {
    BILLING_PROVIDER_NPI("562", "85", "Billing provider NPI missing or invalid"),
    MEMBER_ID("164", "IL", "Subscriber member id missing"),
    NO_SERVICE_LINES("21", null, "Claim has no service lines"),
    OUT_OF_BALANCE("400", null, "Claim total charge does not equal the sum of the line charges"),
    UNKNOWN_PAYER("116", null, "Payer id is not a sandbox payer"),
    ORIGINAL_CLAIM_NOT_FOUND("21", null, "Replacement or void names no adjudicated claim of this payer in REF*F8");

    public static final String CATEGORY = "A3";

    private final String statusCode;
    private final String entityCode;
    private final String message;

    Rejection(String statusCode, String entityCode, String message) {
        this.statusCode = statusCode;
        this.entityCode = entityCode;
        this.message = message;
    }

    public String statusCode() {
        return statusCode;
    }

    /** STC01-3, or null when the status code needs no entity. */
    public String entityCode() {
        return entityCode;
    }

    public String message() {
        return message;
    }
}
