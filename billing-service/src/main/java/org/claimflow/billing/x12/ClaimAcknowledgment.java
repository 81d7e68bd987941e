package org.claimflow.billing.x12;

import java.util.List;

/**
 * One claim in a 277CA (005010X214, loop 2200D; also a 277 claim status response): the patient control
 * number we sent (TRN02 of the TRN*2 at claim level, our CLM01), the payer's claim control number (REF*1K,
 * null when absent; a rejected claim usually has none), the clearinghouse trace (REF*D9) and the statuses
 * reported (STC). {@code outcome} is derived from the status categories. {@code segmentPosition} is the
 * position of the claim's TRN in the file.
 */
public record ClaimAcknowledgment(
        String interchangeControlNumber,
        String transactionControlNumber,
        String patientControlNumber,
        String payerClaimControlNumber,
        String clearinghouseTraceNumber,
        Outcome outcome,
        List<ClaimStatus> statuses,
        int segmentPosition) {

    public ClaimAcknowledgment {
        statuses = List.copyOf(statuses);
    }

    public enum Outcome {
        /** Accepted into the payer's system (category A1 receipt or A2 accepted, A5 split; no rejection category). */
        ACCEPTED,
        /** Rejected at the front door (category A3, A4, A6, A7 or A8): not a denial; fix and resubmit. */
        REJECTED,
        /** No acceptance or rejection category (e.g. pending P categories, or no STC at all). */
        UNDETERMINED
    }
}
