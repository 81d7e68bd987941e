package org.claimflow.sandbox.x12;

import java.util.List;
import java.util.Optional;

/** What a 999 says about an interchange: per group (AK9) and per transaction set (IK3/IK4/IK5). */
public record SyntaxVerdict(Interchange interchange, Optional<String> interchangeNoteCode, List<GroupVerdict> groups) {

    public SyntaxVerdict {
        groups = List.copyOf(groups);
    }

    /** TA1: the interchange as a whole was rejected. */
    public boolean interchangeRejected() {
        return interchangeNoteCode.isPresent();
    }

    public List<TransactionSet> acceptedTransactions() {
        return groups.stream().flatMap(g -> g.transactions().stream())
                .filter(TransactionVerdict::accepted).map(TransactionVerdict::transaction).toList();
    }

    /** @param errorCodes AK905…: 1 group not supported, 3 GE missing, 4 GS06/GE02 mismatch, 5 GE01 count wrong */
    public record GroupVerdict(FunctionalGroup group, List<TransactionVerdict> transactions, List<String> errorCodes,
            boolean rejected) {

        public GroupVerdict {
            transactions = List.copyOf(transactions);
            errorCodes = List.copyOf(errorCodes);
        }

        public long acceptedCount() {
            return transactions.stream().filter(TransactionVerdict::accepted).count();
        }

        /** AK901: A all accepted, P some, R none. */
        public String status() {
            long accepted = acceptedCount();
            if (accepted == 0) {
                return "R";
            }
            return accepted == transactions.size() ? "A" : "P";
        }
    }

    /** @param errorCodes IK502…: 1 not supported, 2 SE missing, 3 ST02/SE02 mismatch, 4 SE01 count wrong, 5 segments in error */
    public record TransactionVerdict(TransactionSet transaction, List<SegmentError> segmentErrors, List<String> errorCodes,
            boolean accepted) {

        public TransactionVerdict {
            segmentErrors = List.copyOf(segmentErrors);
            errorCodes = List.copyOf(errorCodes);
        }
    }
}
