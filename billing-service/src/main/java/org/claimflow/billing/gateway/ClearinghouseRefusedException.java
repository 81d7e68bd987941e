package org.claimflow.billing.gateway;

/** The clearinghouse answered that it will never take this file (e.g. HTTP 4xx); sending it again is pointless. */
public class ClearinghouseRefusedException extends RuntimeException {
    public ClearinghouseRefusedException(String message) {
        super(message);
    }
}
