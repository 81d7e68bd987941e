package org.claimflow.coding.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.claimflow.coding.domain.EncounterStatus;
import org.claimflow.coding.domain.Finding;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record EncounterResponse(
        UUID id,
        String practiceId,
        String externalId,
        EncounterStatus status,
        LocalDate dateOfService,
        List<Finding> findings,
        UUID claimId,
        String openQuery,
        List<OverrideEntry> overrides,
        Instant createdAt,
        Instant updatedAt,
        List<HistoryEntry> history) {

    public record HistoryEntry(Instant occurredAt, String kind, String actor, String detail) {
    }

    public record OverrideEntry(String ruleId, List<Integer> lineNumbers, String reason, String overriddenBy,
                                Instant overriddenAt) {
    }
}
