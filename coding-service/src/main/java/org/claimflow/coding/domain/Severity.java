package org.claimflow.coding.domain;

public enum Severity {
    /** Holds the encounter for a coder. */
    ERROR,
    /** Passes, but is worth a look. */
    WARNING
}
