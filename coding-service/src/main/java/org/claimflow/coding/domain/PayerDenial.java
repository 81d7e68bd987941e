package org.claimflow.coding.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A payer's denial of a claim for coding reasons, as coding-service keeps it while the encounter is re-opened:
 * which denial and claim, the payer's claim number (for the replacement claim's {@code REF*F8}), the CARCs with
 * their descriptions, and the denied service lines (empty: the whole claim).
 */
public record PayerDenial(
        UUID denialId,
        UUID claimId,
        String payerId,
        String payerClaimControlNumber,
        String category,
        String groupCode,
        List<String> reasonCodes,
        List<Reason> reasons,
        List<String> remarkCodes,
        List<Integer> lineNumbers,
        BigDecimal amount) {

    /** One claim adjustment reason code with the description the payer's remittance gave it. */
    public record Reason(String groupCode, String reasonCode, String description) {
    }
}
