package org.claimflow.denial.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Denials whose remittance date falls in [from, to]: counts and amounts denied by payer, category and
 * primary CARC; what appeals and corrected claims recovered and what was written off. The first-pass figures
 * count original claims (frequency 1) first adjudicated in the period; {@code firstPassRate} is omitted when
 * there were none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DenialAnalyticsResponse(LocalDate from, LocalDate to, String practiceId, long denialCount,
                                      BigDecimal amountDenied, List<Group> byPayer, List<Group> byCategory,
                                      List<Group> byCarc, long appealsWon, long appealsLost, BigDecimal recovered,
                                      BigDecimal writtenOff, long denialsRecoveredByCorrection,
                                      BigDecimal recoveredByCorrection, long originalClaims, long firstPassClaims,
                                      BigDecimal firstPassRate, List<FirstPass> firstPassByPayer) {

    /** @param description the CARC's published description (byCarc only) */
    public record Group(String key, String description, long count, BigDecimal amount) {
    }

    /** One payer's originals first adjudicated in the period, those without a denial, and their share (0.0000–1.0000). */
    public record FirstPass(String payerId, long originalClaims, long firstPassClaims, BigDecimal firstPassRate) {
    }
}
