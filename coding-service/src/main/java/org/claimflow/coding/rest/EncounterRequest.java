package org.claimflow.coding.rest;

import java.time.LocalDate;
import java.util.List;

import org.claimflow.coding.domain.EncounterParts.BillingProvider;
import org.claimflow.coding.domain.EncounterParts.Coverage;
import org.claimflow.coding.domain.EncounterParts.Patient;
import org.claimflow.coding.domain.EncounterParts.RenderingProvider;
import org.claimflow.coding.domain.EncounterParts.ServiceLine;
import org.claimflow.coding.domain.NotBefore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a practice-management system sends for one visit (the API contract; extend, never rename). Dates of
 * service start at {@value #ICD10_START}, the day ICD-10-CM replaced ICD-9-CM: this service codes ICD-10-CM only.
 * {@code practiceId} is deprecated: the practice comes from the caller's token; a value that names another practice is
 * refused (403).
 */
@BornByDateOfService
public record EncounterRequest(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a practice id") String practiceId,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be letters, digits, '.', '_', ':' or '-'") String externalId,
        @NotNull @PastOrPresent
        @NotBefore(value = EncounterRequest.ICD10_START, message = "must be on or after {value}: visits before ICD-10-CM are not coded here")
        LocalDate dateOfService,
        @NotBlank @Size(max = 2) String placeOfService,
        @NotNull @Valid Patient patient,
        @NotNull @Valid Coverage coverage,
        @NotNull @Valid BillingProvider billingProvider,
        @Valid RenderingProvider renderingProvider,
        @NotEmpty @Size(max = 25) List<@NotBlank @Size(max = 8) String> diagnoses,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid ServiceLine> serviceLines) {

    /** The ICD-10-CM compliance date (CMS): services on or after it are coded in ICD-10-CM. */
    public static final String ICD10_START = "2015-10-01";

    /** The same encounter in {@code practice} (the caller's, from the token). */
    public EncounterRequest inPractice(String practice) {
        return new EncounterRequest(practice, externalId, dateOfService, placeOfService, patient, coverage, billingProvider,
                renderingProvider, diagnoses, serviceLines);
    }
}
