package org.claimflow.eligibility.gateway;

/**
 * What came back from a payer: the 271 text, or why there is none. The failure text is written by the
 * gateway and holds no patient data, so it may be shown and stored.
 */
public record PayerReply(String response271, String failure) {

    public static PayerReply answered(String response271) {
        return new PayerReply(response271, null);
    }

    public static PayerReply unavailable(String failure) {
        return new PayerReply(null, failure);
    }

    public boolean answered() {
        return response271 != null;
    }
}
