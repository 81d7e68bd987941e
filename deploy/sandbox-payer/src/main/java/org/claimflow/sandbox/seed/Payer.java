package org.claimflow.sandbox.seed;

import java.math.BigDecimal;

/**
 * A payer of the sandbox. Its {@code payerId} is also its id in X12 (NM109 of the payer loop).
 *
 * @param claimFilingIndicator CLP06 of its remittances: 12 (PPO) or MB (Medicare Part B)
 * @param insuranceType        EB04 of its eligibility answers
 * @param taxId                nine digits; TRN03 of its remittances is "1" + this
 * @param feeScheduleFactor    multiplies the base fee schedule (Medicare pays 5% less)
 */
public record Payer(String payerId, String name, String claimFilingIndicator, String insuranceType, String taxId,
        BigDecimal feeScheduleFactor, Address address) {
}
