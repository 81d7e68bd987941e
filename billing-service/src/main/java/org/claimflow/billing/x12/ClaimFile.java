package org.claimflow.billing.x12;

/**
 * A written 837P: the X12 text (segments terminated by "~", no line breaks), its control numbers and the
 * SE01 segment count of its transaction set.
 */
public record ClaimFile(String content, ControlNumbers controlNumbers, int transactionSegmentCount, int claimCount) {

    @Override
    public String toString() {
        // The content is patient data.
        return "ClaimFile[interchange=" + controlNumbers.interchangeControlNumber() + ", claims=" + claimCount
                + ", segments=" + transactionSegmentCount + "]";
    }
}
