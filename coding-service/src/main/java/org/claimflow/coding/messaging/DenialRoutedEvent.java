package org.claimflow.coding.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What coding-service reads of denial-service's {@code claims.denial-routed.v1} (docs/events.md): this service's
 * own copy of the payload. {@code payerClaimControlNumber}, {@code dateOfService}, {@code reasons} and
 * {@code remarkCodes} are optional additions and may be absent (null). {@code encounterId} is null only when the
 * adjudicated claim named no encounter.
 */
public record DenialRoutedEvent(
        UUID denialId,
        UUID claimId,
        UUID encounterId,
        String payerId,
        String category,
        String queue,
        String groupCode,
        List<String> reasonCodes,
        List<Integer> lineNumbers,
        BigDecimal amount,
        LocalDate appealDeadline,
        Boolean correctable,
        String payerClaimControlNumber,
        LocalDate dateOfService,
        List<Reason> reasons,
        List<String> remarkCodes) {

    public record Reason(String groupCode, String reasonCode, String description) {
    }
}
