package org.claimflow.billing.rest;

import java.math.BigDecimal;

import org.claimflow.billing.domain.PaymentMethod;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A payment the patient made at the front desk, by mail or online. */
public record PatientPaymentRequest(
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, examples = "25.00",
                description = "Decimal string, more than zero, at most two decimals")
        @NotNull @Positive @Digits(integer = 10, fraction = 2, message = "must be an amount with at most two decimals") BigDecimal amount,
        @NotNull PaymentMethod method,
        @Schema(description = "Check number, card authorization or receipt number") @Size(max = 50) @Pattern(regexp = "[\\x20-\\x7e]*") String reference) {
}
