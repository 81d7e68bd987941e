package org.claimflow.coding.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A coder's question to the rendering provider. */
public record ProviderQueryRequest(@NotBlank @Size(max = 900) String question) {
}
