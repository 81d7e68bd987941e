package org.claimflow.billing.x12;

import java.util.List;

/**
 * A whole X12 file read structurally: every transaction of every interchange, and the warnings about the
 * envelope (wrong SE01 count, control numbers that differ between header and trailer, a missing final
 * segment terminator...). The warnings name segments and positions, never data.
 */
public record X12Document(int interchangeCount, List<X12Transaction> transactions, List<String> warnings) {

    public X12Document {
        transactions = List.copyOf(transactions);
        warnings = List.copyOf(warnings);
    }

    /** All transactions whose ST01 is {@code transactionSetCode}, e.g. "835". */
    public List<X12Transaction> transactions(String transactionSetCode) {
        return transactions.stream().filter(t -> t.transactionSetCode().equals(transactionSetCode)).toList();
    }

    /** How many segments with this tag the transactions hold, e.g. CLM for the number of claims in an 837. */
    public long count(String tag) {
        return transactions.stream().flatMap(t -> t.segments().stream()).filter(s -> s.tag().equals(tag)).count();
    }
}
