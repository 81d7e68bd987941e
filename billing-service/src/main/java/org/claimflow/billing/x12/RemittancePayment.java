package org.claimflow.billing.x12;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The BPR segment: handling code (BPR01, e.g. I remittance information with payment, H notification only),
 * total actual provider payment (BPR02), credit/debit flag (BPR03, C or D), payment method (BPR04: ACH, CHK,
 * BOP, FWT, NON) and payment/effective date (BPR16).
 */
public record RemittancePayment(String handlingCode, BigDecimal totalAmount, String creditDebitFlag,
        String paymentMethod, LocalDate paymentDate) {
}
