package org.claimflow.denial.messaging;

import org.claimflow.denial.outbox.EventEnvelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads an event envelope off the wire; anything unreadable is a poison record for the dead-letter topic. */
@ApplicationScoped
public class IncomingEvents {

    private final ObjectMapper mapper;

    public IncomingEvents(ObjectMapper mapper) {
        // Producers may add optional fields at any time (README: compatibility), so events are read leniently.
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public EventEnvelope envelope(String json, String expectedType) {
        EventEnvelope envelope;
        try {
            envelope = mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException e) {
            // The parser message quotes the input, which may hold patient data: report only where it broke.
            throw new PoisonEventException("not a readable event envelope (line " + lineOf(e) + ")");
        }
        if (envelope.eventId() == null || envelope.payload() == null || envelope.practiceId() == null) {
            throw new PoisonEventException("event envelope lacks eventId, practiceId or payload");
        }
        if (envelope.practiceId().isBlank() || "*".equals(envelope.practiceId())) {
            // The practice decides which rows the event may touch (row-level security): no event names all or none.
            throw new PoisonEventException("event envelope has no usable practiceId");
        }
        if (!expectedType.equals(envelope.eventType())) {
            throw new PoisonEventException("expected " + expectedType + " but got " + envelope.eventType());
        }
        return envelope;
    }

    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("payload of " + envelope.eventType() + " does not match its schema");
        }
    }

    private static int lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /** An event that can never be processed; the channel's failure strategy sends it to the dead-letter topic. */
    public static class PoisonEventException extends RuntimeException {
        public PoisonEventException(String message) {
            super(message);
        }
    }
}
