package org.claimflow.denial.domain;

/** DRAFT (letter can be printed) → SUBMITTED (sent to the payer) → WON or LOST. */
public enum AppealStatus {
    DRAFT,
    SUBMITTED,
    WON,
    LOST
}
