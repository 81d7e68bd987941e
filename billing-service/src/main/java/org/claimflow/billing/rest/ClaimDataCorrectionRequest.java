package org.claimflow.billing.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Corrected demographics and addresses for a claim held at the front door (SCRUB_HOLD, or REJECTED /
 * SUBMISSION_FAILED): only the fields given change; the claim scrubber then runs again. Lengths are the 837P's.
 */
public record ClaimDataCorrectionRequest(
        @Schema(description = "The subscriber's member id, as on the insurance card") @Size(min = 1, max = 80) String memberId,
        @Valid Patient patient,
        @Valid BillingProvider billingProvider) {

    public record Address(@NotBlank @Size(max = 55) String line1, @Size(max = 55) String line2, @NotBlank @Size(max = 30) String city,
                          @NotBlank @Size(min = 2, max = 2) String state,
                          @Schema(description = "5 or 9 digits, no hyphen") @NotBlank @Size(max = 9) String postalCode) {
    }

    public record Patient(@Size(min = 1, max = 35) String firstName, @Size(min = 1, max = 60) String lastName, LocalDate dateOfBirth,
                          @Valid Address address) {
    }

    public record BillingProvider(@Schema(description = "EIN, 9 digits") @Size(min = 1, max = 9) String taxId,
                                  @Size(min = 1, max = 60) String name, @Valid Address address) {
    }

    @JsonIgnore
    @AssertTrue(message = "names at least one field to correct")
    public boolean isNotEmpty() {
        return memberId != null
                || (patient != null && (patient.firstName() != null || patient.lastName() != null || patient.dateOfBirth() != null
                        || patient.address() != null))
                || (billingProvider != null && (billingProvider.taxId() != null || billingProvider.name() != null
                        || billingProvider.address() != null));
    }
}
