package org.claimflow.coding.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The parts an encounter is made of, shared by the intake request and the encounter-coded event so that
 * both always say the same thing. Constraints here are the structural ones (a request that breaks them is
 * refused with 400); whether the codes are right is the coding edits' business.
 */
public final class EncounterParts {

    private EncounterParts() {
    }

    public record Address(
            @NotBlank @Size(max = 55) String line1,
            @Size(max = 55) String line2,
            @NotBlank @Size(max = 30) String city,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String state,
            @NotBlank @Pattern(regexp = "\\d{5}(\\d{4})?", message = "must be a 5 or 9 digit ZIP code") String postalCode) {
    }

    public record Patient(
            @NotBlank @Size(max = 35) String firstName,
            @NotBlank @Size(max = 60) String lastName,
            @NotNull @Past @NotBefore("1880-01-01") LocalDate dateOfBirth,
            @NotBlank @Pattern(regexp = "[FMU]", message = "must be F, M or U") String sex,
            @NotNull @Valid Address address) {
    }

    public record Coverage(
            @NotBlank @Size(max = 80) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a payer id") String payerId,
            @NotBlank @Size(max = 80) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be letters, digits or dashes") String memberId,
            @NotBlank @Pattern(regexp = "self|spouse|child|other", message = "must be self, spouse, child or other") String relationship) {
    }

    public record BillingProvider(
            @NotBlank @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String npi,
            @NotBlank @Pattern(regexp = "\\d{9}", message = "must be 9 digits") String taxId,
            @NotBlank @Size(max = 60) String name,
            @Valid Address address) {
    }

    public record RenderingProvider(
            @NotBlank @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String npi,
            @NotBlank @Size(max = 35) String firstName,
            @NotBlank @Size(max = 60) String lastName) {
    }

    public record ServiceLine(
            @NotBlank @Size(max = 5) @Pattern(regexp = "[A-Za-z0-9]+", message = "must be letters and digits") String procedureCode,
            @Size(max = 4) List<@NotBlank @Size(max = 2) String> modifiers,
            @NotNull @Min(1) @Max(9999) Integer units,
            @NotEmpty @Size(max = 4) List<@NotNull @Min(1) @Max(12) Integer> diagnosisPointers,
            @NotNull @DecimalMin("0.01") @DecimalMax("9999999.99") @Digits(integer = 7, fraction = 2) BigDecimal chargeAmount) {

        public List<String> modifiersOrEmpty() {
            return modifiers == null ? List.of() : modifiers;
        }
    }
}
