package org.claimflow.eligibility.x12;

/** What a 271 says about one subscriber or dependent. */
public enum EligibilityStatus {
    /** An EB*1..5 (active coverage). */
    ACTIVE,
    /** An EB*6, 7 or 8 (inactive, pending update, pending investigation) and no active coverage. */
    INACTIVE,
    /** The payer could not find the member (AAA reject reasons 64, 67, 72, 75, 77, 78). */
    NOT_FOUND,
    /** The payer rejected the request (any other AAA reject reason): correct it before resubmitting. */
    REJECTED,
    /** The payer could not answer now (AAA 42 or 80): retry later. */
    ERROR,
    /** Neither coverage nor errors were reported. */
    UNKNOWN
}
