package org.claimflow.billing.x12;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One status of a claim in a 277CA: the STC01 composite (or STC10/STC11, additional statuses of the same
 * STC) as health care claim status category code (A1, A2, A3, A6, A7...), status code and entity code, with
 * the STC's effective date (STC02), action code (STC03), total claim charge (STC04) and free-form message
 * (STC12). Absent values are null.
 */
public record ClaimStatus(String categoryCode, String statusCode, String entityCode, LocalDate effectiveDate,
        String actionCode, BigDecimal amount, String freeText) {
}
