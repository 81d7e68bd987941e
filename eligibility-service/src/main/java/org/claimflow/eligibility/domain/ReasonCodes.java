package org.claimflow.eligibility.domain;

/**
 * The {@code reasonCode} of a check that is not ACTIVE, besides the payer's own AAA reject reason codes
 * (e.g. {@code 72}). Stable values: billing and the front desk route on them.
 */
public final class ReasonCodes {

    /** The payer answered: coverage is not active on the date of service (EB*6/7/8). */
    public static final String COVERAGE_INACTIVE = "COVERAGE_INACTIVE";
    /** The payer did not answer in time, answered with an HTTP error, or its breaker is open: ask again later. */
    public static final String PAYER_UNAVAILABLE = "PAYER_UNAVAILABLE";
    /** The payer answered, but its 271 could not be read or says nothing about coverage. */
    public static final String INVALID_RESPONSE = "INVALID_RESPONSE";
    /** The claim's data cannot make a valid 270 (e.g. an NPI with a wrong check digit): correct the claim. */
    public static final String INVALID_INQUIRY = "INVALID_INQUIRY";

    private ReasonCodes() {
    }
}
