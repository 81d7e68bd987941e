package org.claimflow.billing.x12;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the transaction readers share: picking their transactions out of a file and lenient optional fields. */
final class ReaderSupport {

    /** Reads one transaction into a document; may fail with a parse exception naming the segment. */
    @FunctionalInterface
    interface TransactionParser<T> {
        T parse(X12Transaction transaction, List<String> warnings) throws X12ParseException;
    }

    private ReaderSupport() {
    }

    /**
     * Parses every transaction whose ST01 is {@code transactionSetCode}; others are skipped with a warning.
     * Unexpected runtime failures are turned into an {@link X12ParseException} naming the transaction, so
     * callers only ever see the declared exception.
     */
    static <T> X12Result<T> parseAll(byte[] input, String transactionSetCode, TransactionParser<T> parser)
            throws X12ParseException {
        X12Document document = X12SegmentReader.read(input);
        List<String> warnings = new ArrayList<>(document.warnings());
        List<T> documents = new ArrayList<>();
        for (X12Transaction transaction : document.transactions()) {
            if (!transaction.transactionSetCode().equals(transactionSetCode)) {
                warnings.add("%s skipped: not a %s".formatted(transaction.describe(), transactionSetCode));
                continue;
            }
            try {
                documents.add(parser.parse(transaction, warnings));
            } catch (X12ParseException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new X12ParseException("%s could not be read (%s)".formatted(transaction.describe(),
                        e.getClass().getSimpleName()), transaction.headerPosition(), e);
            }
        }
        if (documents.isEmpty() && !document.transactions().isEmpty()) {
            warnings.add("the file holds no %s transaction".formatted(transactionSetCode));
        }
        return new X12Result<>(documents, warnings);
    }

    /** An optional CCYYMMDD date: an unreadable one becomes a warning and null rather than a failure. */
    static LocalDate optionalDate(X12Segment segment, int element, List<String> warnings) {
        try {
            return segment.date(element);
        } catch (X12ParseException e) {
            warnings.add(e.getMessage() + "; ignored");
            return null;
        }
    }

    static String nullIfEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
