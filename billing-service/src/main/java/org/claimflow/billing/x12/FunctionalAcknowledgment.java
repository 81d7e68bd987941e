package org.claimflow.billing.x12;

import java.util.List;

/**
 * One 999 transaction set (005010X231A1): which functional group it answers (AK101 functional identifier,
 * AK102 our GS06, AK103 version), the outcome per transaction set (AK2 loops) and for the group (AK9:
 * status, number of transaction sets included, received and accepted, error codes AK905–AK909).
 */
public record FunctionalAcknowledgment(
        String interchangeControlNumber,
        String transactionControlNumber,
        String acknowledgedFunctionalIdentifierCode,
        String acknowledgedGroupControlNumber,
        String acknowledgedVersion,
        AcknowledgmentStatus groupStatus,
        int transactionSetsIncluded,
        int transactionSetsReceived,
        int transactionSetsAccepted,
        List<String> groupErrorCodes,
        List<TransactionSetAcknowledgment> transactionSets) {

    public FunctionalAcknowledgment {
        groupErrorCodes = List.copyOf(groupErrorCodes);
        transactionSets = List.copyOf(transactionSets);
    }
}
