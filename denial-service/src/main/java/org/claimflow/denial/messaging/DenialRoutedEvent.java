package org.claimflow.denial.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.claimflow.denial.domain.DenialCategory;
import org.claimflow.denial.domain.WorkQueue;

/**
 * Payload of {@code claims.denial-routed.v1} (docs/events.md). Schema:
 * {@code src/main/resources/events/claims.denial-routed.v1.schema.json}. {@code lineNumbers} is empty
 * when the whole claim was denied.
 */
public record DenialRoutedEvent(
        UUID denialId,
        UUID claimId,
        UUID encounterId,
        String payerId,
        DenialCategory category,
        WorkQueue queue,
        String groupCode,
        List<String> reasonCodes,
        List<Integer> lineNumbers,
        BigDecimal amount,
        LocalDate appealDeadline,
        boolean correctable) {
}
