package org.claimflow.billing.x12;

import java.math.BigDecimal;

/**
 * One equation of an 835 that does not hold. {@code patientControlNumber} (CLP01) and
 * {@code claimSegmentPosition} identify the claim (CLP01 alone may repeat in a file), {@code lineNumber} is the
 * 1-based service line within the claim; they are null for a transaction-level violation. {@code expected} is
 * what the equation computes, {@code actual} what the file says.
 */
public record BalanceViolation(
        Level level,
        String patientControlNumber,
        Integer claimSegmentPosition,
        Integer lineNumber,
        BigDecimal expected,
        BigDecimal actual,
        String message) {

    public enum Level {
        /** SVC02 − line CAS amounts ≠ SVC03. */
        SERVICE_LINE,
        /** CLP03 − claim and line CAS amounts ≠ CLP04. */
        CLAIM,
        /** With service lines: sum of SVC03 − claim CAS amounts ≠ CLP04. */
        CLAIM_LINES,
        /** Sum of CLP04 − sum of PLB amounts ≠ BPR02. */
        TRANSACTION
    }
}
