package org.claimflow.billing.gateway;

/** The clearinghouse could not be reached or did not answer: nothing is known to have happened; retry. */
public class ClearinghouseUnavailableException extends RuntimeException {
    public ClearinghouseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
