package org.claimflow.billing.x12;

import java.util.List;

/**
 * One ST…SE transaction set with the envelope it came in. {@code segments} are the segments between ST and
 * SE (both excluded), in file order.
 */
public record X12Transaction(
        String interchangeControlNumber,
        String senderId,
        String receiverId,
        String functionalIdentifierCode,
        String groupControlNumber,
        String groupVersion,
        String transactionSetCode,
        String controlNumber,
        String implementationReference,
        int headerPosition,
        List<X12Segment> segments) {

    public X12Transaction {
        segments = List.copyOf(segments);
    }

    /** ST03 when present, else GS08 (e.g. 005010X221A1). */
    public String version() {
        return implementationReference.isEmpty() ? groupVersion : implementationReference;
    }

    /** "835 8001 (ST at segment 3)": how messages name a transaction. */
    public String describe() {
        return "transaction %s %s (ST at segment %d)".formatted(transactionSetCode, controlNumber, headerPosition);
    }

    @Override
    public String toString() {
        return "X12Transaction[" + describe() + ", " + segments.size() + " segments]";
    }
}
