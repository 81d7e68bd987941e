package org.claimflow.denial.service;

import java.util.UUID;

import org.claimflow.denial.domain.DenialCategory;
import org.claimflow.denial.domain.DenialStatus;
import org.claimflow.denial.domain.WorkQueue;

/** The filters of the denial list; null means "any". {@code pastDeadline}: the appeal deadline has passed (or not). */
public record DenialFilter(String practiceId, UUID claimId, WorkQueue queue, DenialStatus status, String payerId,
                           DenialCategory category, String assignee, Boolean pastDeadline) {
}
