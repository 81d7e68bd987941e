package org.claimflow.sandbox.mailbox;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of file the payer side drops in the mailbox. */
public enum FileType {
    CLAIM_ACKNOWLEDGMENT("277CA"),
    REMITTANCE("835");

    private final String label;

    FileType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
