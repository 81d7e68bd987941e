package org.claimflow.denial.rest;

import org.claimflow.denial.domain.DenialStatus;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A status change by a person; the allowed steps are in DenialStatusPolicy. */
public record StatusChangeRequest(@NotNull DenialStatus status, @Size(max = 1000) String reason) {
}
