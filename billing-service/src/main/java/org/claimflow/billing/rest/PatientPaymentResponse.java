package org.claimflow.billing.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.claimflow.billing.domain.PaymentMethod;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A recorded patient payment and the account's balance right after it. {@code creditBalance} is true when
 * the payment was larger than what the patient owed: the balance is negative and {@code notice} says so.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientPaymentResponse(UUID paymentId, UUID accountId, BigDecimal amount, PaymentMethod method, String reference,
                                     Instant receivedAt, BigDecimal balanceAfter, boolean creditBalance, String notice) {
}
