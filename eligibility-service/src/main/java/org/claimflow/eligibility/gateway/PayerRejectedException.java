package org.claimflow.eligibility.gateway;

/** The payer refused the inquiry itself (4xx): sending it again as is cannot help, so it is not retried. */
public class PayerRejectedException extends RuntimeException {

    private final int httpStatus;

    public PayerRejectedException(int httpStatus) {
        super("payer refused the inquiry with HTTP " + httpStatus);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
