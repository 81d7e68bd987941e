package org.claimflow.billing.x12;

/**
 * A party of the interchange: the submitter (ISA06/GS02, 1000A) or the receiver (ISA08/GS03, 1000B).
 * {@code qualifier} is the ISA05/ISA07 id qualifier (ZZ mutually defined, 30 federal tax id, ...).
 */
public record TradingPartner(String qualifier, String id, String name) {

    /** A partner identified by a mutually defined (ZZ) id, the usual case with clearinghouses. */
    public static TradingPartner mutuallyDefined(String id, String name) {
        return new TradingPartner("ZZ", id, name);
    }
}
