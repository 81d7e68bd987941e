package org.claimflow.coding.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The provider's answer to the open query. */
public record ProviderAnswerRequest(@NotBlank @Size(max = 900) String answer) {
}
