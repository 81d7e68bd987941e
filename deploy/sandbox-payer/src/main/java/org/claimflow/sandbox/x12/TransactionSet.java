package org.claimflow.sandbox.x12;

import java.util.List;

/** ST … SE: its segments, ST and SE included, and the defects found inside. */
public record TransactionSet(String type, String controlNumber, String implementationReference,
        List<Segment> segments, List<SyntaxIssue> issues) {

    public TransactionSet {
        segments = List.copyOf(segments);
        issues = List.copyOf(issues);
    }
}
