package org.claimflow.denial.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An appeal to draft. {@code attachments} names the documents that will go with it (records, authorizations);
 * the files themselves stay with the practice.
 */
public record AppealRequest(@NotBlank @Size(max = 4000) String reason,
                            @Size(max = 20) List<@NotBlank @Size(max = 200) String> attachments) {
}
