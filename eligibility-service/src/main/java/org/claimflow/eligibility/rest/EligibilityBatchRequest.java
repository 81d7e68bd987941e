package org.claimflow.eligibility.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Eligibility checks for a list of upcoming appointments, asked in the background (the API contract; extend, never rename). */
public record EligibilityBatchRequest(
        @Schema(description = "Deprecated: the practice is the caller's (token); another practice is refused with 403", deprecated = true)
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a practice id") String practiceId,
        @NotBlank @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String providerNpi,
        @Schema(description = "Deprecated and ignored: who asked is the caller (token)", deprecated = true)
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a user id") String requestedBy,
        @NotNull @Size(min = 1, max = 5000) @Valid List<@NotNull Item> items) {

    /** The same batch asked by {@code user} of {@code practice} (the caller, from the token). */
    public EligibilityBatchRequest askedBy(String practice, String user) {
        return new EligibilityBatchRequest(practice, providerNpi, user, items);
    }

    /** One appointment: who, with which payer, on which day. */
    public record Item(
            @Schema(description = "The caller's own reference (e.g. the appointment id), echoed in the results")
            @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be letters, digits or . _ : -") String reference,
            @NotBlank @Size(max = 80) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a payer id") String payerId,
            @NotBlank @Size(min = 2, max = 80) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be letters, digits or dashes") String memberId,
            @NotNull @Valid EligibilityCheckRequest.Subscriber subscriber,
            @NotNull LocalDate dateOfService,
            @Schema(description = "X12 service type codes (EQ01); defaults to [\"30\"]")
            @Size(min = 1, max = 20) List<@NotBlank @Pattern(regexp = "[A-Z0-9]{1,2}", message = "must be an X12 service type code") String> serviceTypeCodes) {
    }
}
