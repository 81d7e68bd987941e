package org.claimflow.billing.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Payload of {@code claims.claim-submitted.v1}; schema in {@code src/main/resources/events/}. */
public record ClaimSubmittedEvent(
        UUID claimId,
        UUID encounterId,
        String payerId,
        String patientControlNumber,
        String frequencyCode,
        BigDecimal totalCharge,
        String interchangeControlNumber,
        String groupControlNumber,
        String transactionControlNumber,
        Instant submittedAt) {
}
