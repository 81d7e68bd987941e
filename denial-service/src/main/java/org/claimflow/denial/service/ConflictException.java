package org.claimflow.denial.service;

/** The request clashes with the current state of a resource (409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
