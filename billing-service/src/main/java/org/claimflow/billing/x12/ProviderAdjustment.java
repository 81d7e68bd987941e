package org.claimflow.billing.x12;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One PLB adjustment pair: provider identifier (PLB01), fiscal period date (PLB02), reason code and reference
 * identifier (the composite, e.g. L6 interest, WO overpayment recovery, FB forwarding balance) and amount.
 * A positive amount reduces the payment (BPR02 = sum of CLP04 − sum of PLB amounts).
 */
public record ProviderAdjustment(String providerId, LocalDate fiscalPeriodDate, String reasonCode, String referenceId,
        BigDecimal amount) {
}
