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
 * when the whole claim was denied. The last four fields are optional additions for coding-service, which
 * shows them to the coder when a CODING denial re-opens the encounter: the payer's claim number comes back
 * in {@code EncounterCoded.correction} for the replacement claim's REF*F8.
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
        boolean correctable,
        String payerClaimControlNumber,
        LocalDate dateOfService,
        List<Reason> reasons,
        List<String> remarkCodes) {

    /** A denying CARC with its group and its published description (null for a code missing from the list). */
    public record Reason(String groupCode, String reasonCode, String description) {
    }
}
