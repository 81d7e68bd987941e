package org.claimflow.coding.rest;

import java.time.LocalDate;
import java.util.List;

import org.claimflow.coding.domain.EncounterParts.BillingProvider;
import org.claimflow.coding.domain.EncounterParts.Coverage;
import org.claimflow.coding.domain.EncounterParts.Patient;
import org.claimflow.coding.domain.EncounterParts.RenderingProvider;
import org.claimflow.coding.domain.EncounterParts.ServiceLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a practice-management system sends for one visit (the API contract; extend, never rename). {@code practiceId} is
 * deprecated: the practice comes from the caller's token; a value that names another practice is refused (403).
 */
public record EncounterRequest(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a practice id") String practiceId,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be letters, digits, '.', '_', ':' or '-'") String externalId,
        @NotNull @PastOrPresent LocalDate dateOfService,
        @NotBlank @Size(max = 2) String placeOfService,
        @NotNull @Valid Patient patient,
        @NotNull @Valid Coverage coverage,
        @NotNull @Valid BillingProvider billingProvider,
        @Valid RenderingProvider renderingProvider,
        @NotEmpty @Size(max = 25) List<@NotBlank @Size(max = 8) String> diagnoses,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid ServiceLine> serviceLines) {

    /** The same encounter in {@code practice} (the caller's, from the token). */
    public EncounterRequest inPractice(String practice) {
        return new EncounterRequest(practice, externalId, dateOfService, placeOfService, patient, coverage, billingProvider,
                renderingProvider, diagnoses, serviceLines);
    }
}
