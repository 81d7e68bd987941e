package org.claimflow.denial.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A denial found in a remittance, before it is classified.
 *
 * @param lineNumber    1-based service line, or {@link #CLAIM_LEVEL} when the whole claim was denied
 * @param groupCode     group of the primary denying adjustment, null when the payer sent none
 * @param primaryReason the CARC that decides the classification (the largest denying adjustment)
 * @param reasonCodes   every denying CARC of the line, primary first
 * @param reasons       the same CARCs with the group code the payer sent each under, primary first
 * @param amount        the money at stake: the line charge (claim charge for a claim-level denial)
 */
public record DetectedDenial(
        int lineNumber,
        String procedureCode,
        String groupCode,
        String primaryReason,
        List<String> reasonCodes,
        List<Reason> reasons,
        List<String> remarkCodes,
        BigDecimal amount) {

    public static final int CLAIM_LEVEL = 0;

    /** One denying CARC and its group (CO, OA, PI, CR), as the payer adjusted it. */
    public record Reason(String groupCode, String reasonCode) {
    }

    public boolean claimLevel() {
        return lineNumber == CLAIM_LEVEL;
    }
}
