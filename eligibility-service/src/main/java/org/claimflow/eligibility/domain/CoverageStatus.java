package org.claimflow.eligibility.domain;

/** What one eligibility check found out about a member's coverage on the date of service. */
public enum CoverageStatus {
    /** Coverage is active: the claim may go on. */
    ACTIVE,
    /** The payer knows the member, but the coverage is not active on the date of service. */
    INACTIVE,
    /** The payer does not know the member as identified (AAA 72, 75, …). */
    NOT_FOUND,
    /** No usable answer: the payer was unreachable, refused the inquiry, or answered something unreadable. */
    ERROR;

    public boolean eligible() {
        return this == ACTIVE;
    }
}
