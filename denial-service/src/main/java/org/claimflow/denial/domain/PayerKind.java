package org.claimflow.denial.domain;

public enum PayerKind {
    /** Deadlines set by CMS rules (redetermination 120 days after presumed receipt). */
    MEDICARE,
    /** Deadlines set by each payer contract. */
    COMMERCIAL
}
