package org.claimflow.eligibility.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A batch, its progress and one page of its items with their results. */
public record EligibilityBatchResponse(UUID id, String practiceId, String providerNpi, String status, Counts counts,
                                       String requestedBy, Instant createdAt, PageResponse<Item> items) {

    /** PENDING: nothing started; RUNNING: some items asked; COMPLETED: every item DONE or FAILED. */
    public record Counts(long total, long pending, long running, long done, long failed) {
    }

    /**
     * One appointment's result: {@code status} DONE names the check ({@code checkId}) and its answer
     * ({@code coverageStatus}, {@code active}, {@code reasonCode}); FAILED gives the {@code reason} no check was asked.
     */
    public record Item(int index, String reference, String payerId, String memberId, LocalDate dateOfService,
                       String status, int attempts, UUID checkId, String coverageStatus, Boolean active, String reasonCode,
                       String reason, String planName, java.math.BigDecimal copay, java.math.BigDecimal coinsurance,
                       java.math.BigDecimal deductibleRemaining) {
    }
}
