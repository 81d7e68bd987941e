package org.claimflow.billing.x12;

import java.util.List;

/**
 * What a reader returns: one document per transaction set read (an 835 remittance, a 999 acknowledgment, a
 * 277CA claim acknowledgment...), in file order, and the warnings about the file (envelope defects, skipped
 * transactions, unreadable optional dates). Warnings name segments and positions, never data.
 */
public record X12Result<T>(List<T> documents, List<String> warnings) {

    public X12Result {
        documents = List.copyOf(documents);
        warnings = List.copyOf(warnings);
    }
}
