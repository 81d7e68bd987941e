package org.claimflow.denial.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Denials whose remittance date falls in [from, to]: counts and amounts denied by payer, category and
 * primary CARC; what appeals recovered and what was written off. No first-pass rate yet: it needs the
 * number of claims submitted, which billing owns.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DenialAnalyticsResponse(LocalDate from, LocalDate to, String practiceId, long denialCount,
                                      BigDecimal amountDenied, List<Group> byPayer, List<Group> byCategory,
                                      List<Group> byCarc, long appealsWon, long appealsLost, BigDecimal recovered,
                                      BigDecimal writtenOff) {

    /** @param description the CARC's published description (byCarc only) */
    public record Group(String key, String description, long count, BigDecimal amount) {
    }
}
