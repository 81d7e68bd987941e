package org.claimflow.denial.service;

import java.util.UUID;

import org.claimflow.denial.domain.DenialCategory;
import org.claimflow.denial.domain.DenialStatus;
import org.claimflow.denial.domain.WorkQueue;

/** The filters of the denial list; null means "any". */
public record DenialFilter(String practiceId, UUID claimId, WorkQueue queue, DenialStatus status, String payerId,
                           DenialCategory category) {
}
