package org.claimflow.billing.x12;

/**
 * The control numbers of one 837P file, owned (and persisted) by the caller: interchange (ISA13/IEA02),
 * functional group (GS06/GE02) and transaction set (ST02/SE02), each 1 to 999,999,999.
 */
public record ControlNumbers(long interchange, long group, long transaction) {

    static final long MAX = 999_999_999L;

    /** ISA13: nine digits, zero-padded. */
    public String interchangeControlNumber() {
        return "%09d".formatted(interchange);
    }

    /** GS06: the number without padding. */
    public String groupControlNumber() {
        return Long.toString(group);
    }

    /** ST02: at least four digits, zero-padded. */
    public String transactionControlNumber() {
        return "%04d".formatted(transaction);
    }
}
