package org.claimflow.eligibility.gateway;

/** The payer answered with a server error (5xx, 429, 408): the same inquiry may succeed if sent again. */
public class PayerUnavailableException extends RuntimeException {

    private final int httpStatus;

    public PayerUnavailableException(int httpStatus) {
        super("payer answered HTTP " + httpStatus);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
