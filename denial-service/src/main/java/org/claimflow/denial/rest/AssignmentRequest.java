package org.claimflow.denial.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who works the denial from now on. */
public record AssignmentRequest(@NotBlank @Size(max = 100) String assignee) {
}
