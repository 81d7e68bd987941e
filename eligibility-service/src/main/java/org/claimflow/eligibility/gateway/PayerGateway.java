package org.claimflow.eligibility.gateway;

/**
 * The way out to payers (a clearinghouse or a payer's own endpoint): sends a 270 and returns the 271.
 * Implementations never throw for a payer's trouble: a payer that is down, slow or refusing is a
 * {@link PayerReply#unavailable} reply, so that a claim is held with a reason instead of failing.
 */
public interface PayerGateway {

    PayerReply inquire(String payerId, String inquiry270);
}
