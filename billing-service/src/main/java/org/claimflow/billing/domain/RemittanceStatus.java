package org.claimflow.billing.domain;

public enum RemittanceStatus {
    /** Balanced and posted to its claims. */
    POSTED,
    /** Kept but not posted: unbalanced or unreadable (the problems say why). */
    REFUSED
}
