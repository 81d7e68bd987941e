package org.claimflow.billing.outbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope every Claimflow event travels in (see the README's event table). The payload is the
 * event-specific record; the rest lets any consumer dedupe, order and trace without reading the payload.
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        String practiceId,
        String aggregateId,
        String correlationId,
        String causationId,
        JsonNode payload) {
}
