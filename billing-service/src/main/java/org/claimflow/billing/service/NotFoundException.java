package org.claimflow.billing.service;

/** No such resource for this caller (404); never says whether it exists for someone else. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
