package org.claimflow.coding.rest;

import java.util.List;

import org.claimflow.coding.domain.EncounterParts.ServiceLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A coder's correction: each part that is present replaces that part of the stored encounter (the same
 * constraints as intake); the edits then run again.
 */
public record CorrectionRequest(
        @Size(min = 1, max = 25, message = "must not be empty and at most 25") List<@NotBlank @Size(max = 8) String> diagnoses,
        @Size(min = 1, max = 50, message = "must not be empty and at most 50") List<@jakarta.validation.constraints.NotNull @Valid ServiceLine> serviceLines,
        @Size(min = 1, max = 2) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String placeOfService,
        @NotBlank @Size(max = 500) String reason) {
}
