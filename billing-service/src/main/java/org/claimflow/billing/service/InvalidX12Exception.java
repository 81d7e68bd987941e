package org.claimflow.billing.service;

/** The body could not be read as the X12 transaction it should be (400 /problems/invalid-x12). Safe to show. */
public class InvalidX12Exception extends RuntimeException {
    public InvalidX12Exception(String message) {
        super(message);
    }
}
