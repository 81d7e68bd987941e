package org.claimflow.denial.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Ask billing for a replacement (frequency 7) or a void (8) of the denied claim. */
public record ClaimCorrectionRequest(
        @NotNull @Pattern(regexp = "[78]", message = "must be 7 (replacement) or 8 (void)") String frequencyCode,
        @NotBlank @Size(max = 1000) String reason) {
}
