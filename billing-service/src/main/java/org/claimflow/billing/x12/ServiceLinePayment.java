package org.claimflow.billing.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Loop 2110 of an 835: how one service line was paid. SVC01 is split into its qualifier (HC, AD, ER, ...),
 * procedure code and modifiers; {@code units} is SVC05, or 1 when absent (the TR3's default);
 * {@code originalProcedureCode} is SVC06-2 when the payer changed the code, else null. {@code serviceDate}
 * is DTM*472 (or DTM*150, the period start, when 472 is absent). {@code segmentPosition} is the SVC's
 * position in the file.
 */
public record ServiceLinePayment(
        String procedureQualifier,
        String procedureCode,
        List<String> modifiers,
        BigDecimal chargeAmount,
        BigDecimal paidAmount,
        BigDecimal units,
        String originalProcedureCode,
        LocalDate serviceDate,
        List<Adjustment> adjustments,
        String lineItemControlNumber,
        BigDecimal allowedAmount,
        List<String> remarkCodes,
        int segmentPosition) {

    public ServiceLinePayment {
        modifiers = List.copyOf(modifiers);
        adjustments = List.copyOf(adjustments);
        remarkCodes = List.copyOf(remarkCodes);
    }
}
