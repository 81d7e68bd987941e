package org.claimflow.sandbox.fault;

/** The fault switch is DOWN. */
public class PayerUnavailableException extends RuntimeException {

    public PayerUnavailableException() {
        super("The sandbox payer is switched DOWN");
    }
}
