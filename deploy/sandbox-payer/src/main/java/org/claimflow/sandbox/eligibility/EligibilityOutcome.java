package org.claimflow.sandbox.eligibility;

/** What a 271 answers for one subscriber. */
public enum EligibilityOutcome {
    /** EB*1: covered on the date of service. */
    ACTIVE,
    /** EB*6: known, but not covered on that date. */
    INACTIVE,
    /** AAA*Y**72*C: invalid or missing member id. */
    UNKNOWN_MEMBER,
    /** AAA*Y**73*C: the member exists, but the name or date of birth sent does not match. */
    DEMOGRAPHICS_MISMATCH
}
