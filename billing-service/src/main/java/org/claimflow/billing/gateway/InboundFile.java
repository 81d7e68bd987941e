package org.claimflow.billing.gateway;

/**
 * One file waiting in the clearinghouse's mailbox. {@code type} is 999, 277CA or 835; {@code id} is the
 * adapter's own handle, unique within that adapter.
 */
public record InboundFile(String id, String type, String interchangeControlNumber) {

    public static final String ACK_999 = "999";
    public static final String CLAIM_ACK_277CA = "277CA";
    public static final String REMITTANCE_835 = "835";
}
