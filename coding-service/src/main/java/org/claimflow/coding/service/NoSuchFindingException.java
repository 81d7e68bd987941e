package org.claimflow.coding.service;

/** An override names a rule (and lines) that no current finding of the encounter has (422). */
public class NoSuchFindingException extends RuntimeException {
    public NoSuchFindingException(String message) {
        super(message);
    }
}
