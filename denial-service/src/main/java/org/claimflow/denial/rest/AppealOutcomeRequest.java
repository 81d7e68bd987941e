package org.claimflow.denial.rest;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The payer's decision on an appeal; {@code recoveredAmount} (what the payer now pays) is required when WON. */
public record AppealOutcomeRequest(
        @NotNull @Pattern(regexp = "WON|LOST", message = "must be WON or LOST") String outcome,
        @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal recoveredAmount) {
}
