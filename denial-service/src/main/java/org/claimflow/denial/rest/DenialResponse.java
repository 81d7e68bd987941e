package org.claimflow.denial.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.claimflow.denial.domain.DenialCategory;
import org.claimflow.denial.domain.DenialStatus;
import org.claimflow.denial.domain.WorkQueue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A denial as the people who work it see it. {@code lineNumber} is absent when the whole claim was
 * denied; {@code codes} (each code with its published description), {@code history} and {@code notes} only on a single read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DenialResponse(
        UUID id,
        String practiceId,
        UUID claimId,
        UUID encounterId,
        UUID remittanceId,
        String payerId,
        String payerClaimControlNumber,
        String patientControlNumber,
        Integer lineNumber,
        String procedureCode,
        String groupCode,
        List<String> reasonCodes,
        List<String> remarkCodes,
        List<Code> codes,
        BigDecimal amount,
        DenialCategory category,
        String rootCause,
        WorkQueue queue,
        boolean correctable,
        boolean appealable,
        LocalDate dateOfService,
        LocalDate remittanceDate,
        LocalDate appealDeadline,
        long daysToDeadline,
        boolean pastDeadline,
        BigDecimal priority,
        DenialStatus status,
        String assignee,
        Instant createdAt,
        Instant updatedAt,
        List<HistoryEntry> history,
        List<NoteResponse> notes) {

    /** @param kind GROUP, CARC or RARC */
    public record Code(String kind, String code, String description) {
    }

    /** @param actor who did it: the caller named by the bearer token, or denial-service */
    public record HistoryEntry(Instant occurredAt, String actor, String kind, String detail) {
    }
}
