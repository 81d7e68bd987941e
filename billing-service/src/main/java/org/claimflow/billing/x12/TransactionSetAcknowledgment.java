package org.claimflow.billing.x12;

import java.util.List;

/**
 * AK2…IK5 of a 999: what happened to one transaction set we sent. {@code controlNumber} is AK202, our ST02;
 * {@code errorCodes} are IK502–IK506.
 */
public record TransactionSetAcknowledgment(String transactionSetCode, String controlNumber,
        String implementationReference, AcknowledgmentStatus status, List<String> errorCodes,
        List<SegmentError> segmentErrors) {

    public TransactionSetAcknowledgment {
        errorCodes = List.copyOf(errorCodes);
        segmentErrors = List.copyOf(segmentErrors);
    }

    public boolean accepted() {
        return status == AcknowledgmentStatus.ACCEPTED || status == AcknowledgmentStatus.ACCEPTED_WITH_ERRORS;
    }
}
