package org.claimflow.coding.service;

/** The finding belongs to a rule a coder may not override (422). */
public class NotOverridableException extends RuntimeException {
    public NotOverridableException(String message) {
        super(message);
    }
}
