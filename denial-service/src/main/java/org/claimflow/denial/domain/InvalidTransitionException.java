package org.claimflow.denial.domain;

/** A status change the rules do not allow from the current status (409 /problems/invalid-transition). */
public class InvalidTransitionException extends RuntimeException {
    public InvalidTransitionException(String message) {
        super(message);
    }
}
