package org.claimflow.billing.x12;

import java.math.BigDecimal;

/**
 * One CAS adjustment: group code (CO, PR, OA, PI, CR), CARC reason code, amount (positive reduces the
 * payment, negative increases it) and quantity (null when absent).
 */
public record Adjustment(String groupCode, String reasonCode, BigDecimal amount, BigDecimal quantity) {
}
