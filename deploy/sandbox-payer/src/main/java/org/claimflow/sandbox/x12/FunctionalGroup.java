package org.claimflow.sandbox.x12;

import java.util.List;

/** GS … GE. {@code declaredTransactionCount} is GE01 as sent (may be wrong or missing). */
public record FunctionalGroup(String functionalId, String applicationSender, String applicationReceiver,
        String controlNumber, String version, String declaredTransactionCount, List<TransactionSet> transactions,
        List<SyntaxIssue> issues) {

    public FunctionalGroup {
        transactions = List.copyOf(transactions);
        issues = List.copyOf(issues);
    }
}
