package org.claimflow.denial.rest;

import org.claimflow.denial.domain.DenialCategory;
import org.claimflow.denial.domain.WorkQueue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How denials with one CARC are classified from now on. {@code groupCode} (default {@code *}, any group)
 * and {@code rarc} (default none) say which row of the table is set.
 */
public record DenialReasonRequest(
        @Pattern(regexp = "\\*|CO|OA|PI|PR|CR", message = "must be *, CO, OA, PI, PR or CR") String groupCode,
        @Pattern(regexp = "[A-Z0-9]{1,5}", message = "must be a remark code such as M76") String rarc,
        @NotNull DenialCategory category,
        @NotBlank @Size(max = 500) String rootCause,
        @NotNull WorkQueue queue,
        @NotNull Boolean appealable,
        @NotNull Boolean correctable) {
}
