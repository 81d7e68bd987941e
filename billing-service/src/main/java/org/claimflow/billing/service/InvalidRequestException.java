package org.claimflow.billing.service;

/** A request that is well-formed but invalid in a way only the service can tell (400 /problems/validation). */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
