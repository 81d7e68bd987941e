package org.claimflow.coding.rest;

import java.util.Locale;

/** The W3C Server-Timing header with the edit engine's own time, so a benchmark can tell it from the round trip. */
final class ServerTiming {

    static final String HEADER = "Server-Timing";
    static final String DESCRIPTION = "edits;dur=<ms>: time spent in the coding edits (code-set lookups included), milliseconds";

    private ServerTiming() {
    }

    static String edits(long nanos) {
        return String.format(Locale.ROOT, "edits;dur=%.3f", nanos / 1_000_000.0);
    }
}
