package org.claimflow.sandbox.x12;

/** The input cannot be read as X12 at all (no usable ISA, truncated, not EDI). */
public class InvalidX12Exception extends RuntimeException {

    public InvalidX12Exception(String message) {
        super(message);
    }

    public InvalidX12Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
