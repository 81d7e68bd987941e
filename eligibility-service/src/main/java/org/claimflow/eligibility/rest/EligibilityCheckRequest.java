package org.claimflow.eligibility.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A real-time eligibility question from a practice-management system (the API contract; extend, never rename).
 * {@code practiceId} and {@code requestedBy} are deprecated: both come from the caller's token; a practiceId naming
 * another practice is refused (403), requestedBy is ignored.
 */
public record EligibilityCheckRequest(
        @Schema(description = "Deprecated: the practice is the caller's (token); another practice is refused with 403", deprecated = true)
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a practice id") String practiceId,
        @NotBlank @Size(max = 80) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a payer id") String payerId,
        @NotBlank @Size(min = 2, max = 80) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be letters, digits or dashes") String memberId,
        @NotNull @Valid Subscriber subscriber,
        @Schema(description = "Defaults to today (UTC)") LocalDate dateOfService,
        @Schema(description = "X12 service type codes (EQ01); defaults to [\"30\"], health benefit plan coverage")
        @Size(min = 1, max = 20) List<@NotBlank @Pattern(regexp = "[A-Z0-9]{1,2}", message = "must be an X12 service type code") String> serviceTypeCodes,
        @NotBlank @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String providerNpi,
        @Schema(description = "The provider's or organisation's name as the payer knows it; defaults to the configured name")
        @Size(max = 60) @Pattern(regexp = "[A-Za-z0-9 .,&'-]+", message = "must be letters, digits, spaces or . , & ' -") String providerName,
        @Schema(description = "Deprecated and ignored: who asked is the caller (token)", deprecated = true)
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a user id") String requestedBy) {

    /** The same question asked by {@code user} of {@code practice} (the caller, from the token). */
    public EligibilityCheckRequest askedBy(String practice, String user) {
        return new EligibilityCheckRequest(practice, payerId, memberId, subscriber, dateOfService, serviceTypeCodes, providerNpi,
                providerName, user);
    }

    public record Subscriber(
            @NotBlank @Size(max = 35) String firstName,
            @NotBlank @Size(max = 60) String lastName,
            @NotNull @Past LocalDate dateOfBirth,
            @NotBlank @Pattern(regexp = "[FMU]", message = "must be F, M or U") String sex) {

        /** Leaves out the patient data. */
        @Override
        public String toString() {
            return "Subscriber[***]";
        }
    }
}
