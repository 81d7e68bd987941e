package org.claimflow.coding.rest;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A coder's override of a finding; without lineNumbers it covers every finding of the rule. */
public record OverrideRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z0-9_]+", message = "must be a rule id") String ruleId,
        @Size(max = 50) List<@NotNull @Min(1) @Max(50) Integer> lineNumbers,
        @NotNull @Size(min = 10, max = 500, message = "must be between 10 and 500 characters")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String reason) {
}
