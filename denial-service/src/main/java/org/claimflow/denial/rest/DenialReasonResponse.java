package org.claimflow.denial.rest;

import java.time.Instant;
import java.util.List;

import org.claimflow.denial.domain.DenialCategory;
import org.claimflow.denial.domain.WorkQueue;

/** A CARC, its published description and the rows that classify denials carrying it. */
public record DenialReasonResponse(String carc, String description, List<Rule> rules) {

    public record Rule(String groupCode, String rarc, DenialCategory category, String rootCause, WorkQueue queue,
                       boolean appealable, boolean correctable, Instant updatedAt) {
    }
}
