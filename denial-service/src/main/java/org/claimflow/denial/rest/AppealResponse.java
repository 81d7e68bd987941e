package org.claimflow.denial.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.claimflow.denial.domain.AppealLevel;
import org.claimflow.denial.domain.AppealStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppealResponse(UUID id, UUID denialId, String practiceId, AppealLevel level, AppealStatus status,
                             String reason, List<String> attachments, LocalDate deadline, LocalDate submittedOn,
                             LocalDate decidedOn, BigDecimal recoveredAmount, String createdBy, Instant createdAt,
                             Instant updatedAt) {
}
