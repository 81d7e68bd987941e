package org.claimflow.billing.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Appends an event to the outbox inside the caller's transaction. The event leaves only if the state
 * change commits, and it cannot be lost once it has: {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class OutboxWriter {

    private final ObjectMapper mapper;
    private final Clock clock;
    private final Event<OutboxAppended> appended;

    public OutboxWriter(ObjectMapper mapper, Clock clock, Event<OutboxAppended> appended) {
        this.mapper = mapper;
        this.clock = clock;
        this.appended = appended;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String topic, String eventType, String practiceId, String aggregateId,
                                String correlationId, String causationId, Object payload) {
        Instant now = clock.instant();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), eventType, 1, now, practiceId,
                aggregateId, correlationId, causationId, mapper.valueToTree(payload));
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.practiceId = practiceId;
        row.topic = topic;
        row.eventType = eventType;
        row.aggregateId = aggregateId;
        row.correlationId = correlationId;
        row.causationId = causationId;
        row.createdAt = now;
        // The span current now (a consumed record's, a request's or a claim's) continues when the relay publishes.
        TraceContext trace = TraceContext.current();
        row.traceparent = trace.traceparent();
        row.tracestate = trace.tracestate();
        try {
            row.envelope = mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + eventType + " could not be serialised", e);
        }
        row.persist();
        // Observed after commit only (TransactionPhase.AFTER_SUCCESS): a rolled-back row wakes nobody.
        appended.fire(new OutboxAppended(topic));
        return envelope;
    }
}
