package org.claimflow.coding.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds claims.denial-routed.v1 events as denial-service sends them (docs/events.md, DenialRouted). The same
 * builder feeds the consumer tests and the contract test against denial-service's schema, so what the tests send
 * is what the contract test checks.
 */
public final class DenialRoutedFixture {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String TOPIC = "claims.denial-routed.v1";

    private final Map<String, Object> payload = new LinkedHashMap<>();
    private final UUID eventId = UUID.randomUUID();
    private final UUID causationId = UUID.randomUUID();
    private String practiceId = "demo-practice";

    private DenialRoutedFixture() {
    }

    /**
     * A coding denial with every optional addition: CO-11 (diagnosis inconsistent with the procedure) on the given
     * line, remark M76, payer claim number SBX….
     */
    public static DenialRoutedFixture codingDenial(String encounterId, int line) {
        DenialRoutedFixture f = required(encounterId, line);
        f.payload.put("payerClaimControlNumber", "SBX" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        f.payload.put("dateOfService", "2026-10-14");
        f.payload.put("reasons", new ArrayList<>(List.of(Map.of("groupCode", "CO", "reasonCode", "11",
                "description", "The diagnosis is inconsistent with the procedure."))));
        f.payload.put("remarkCodes", new ArrayList<>(List.of("M76")));
        return f;
    }

    /** Only the payload fields denial-service has always sent (no optional additions). */
    public static DenialRoutedFixture required(String encounterId, int line) {
        DenialRoutedFixture f = new DenialRoutedFixture();
        f.payload.put("denialId", UUID.randomUUID().toString());
        f.payload.put("claimId", UUID.randomUUID().toString());
        f.payload.put("encounterId", encounterId);
        f.payload.put("payerId", "SANDBOX-PPO");
        f.payload.put("category", "CODING");
        f.payload.put("queue", "CODING");
        f.payload.put("groupCode", "CO");
        f.payload.put("reasonCodes", new ArrayList<>(List.of("11")));
        f.payload.put("lineNumbers", new ArrayList<>(List.of(line)));
        f.payload.put("amount", "150.00");
        f.payload.put("appealDeadline", "2027-02-17");
        f.payload.put("correctable", true);
        return f;
    }

    /** A denial routed to another queue (e.g. BILLING for CO-96 non-covered). */
    public DenialRoutedFixture queue(String queue, String category, String reasonCode) {
        payload.put("queue", queue);
        payload.put("category", category);
        payload.put("reasonCodes", new ArrayList<>(List.of(reasonCode)));
        payload.remove("reasons");
        return this;
    }

    /** The practice the envelope names (the demo practice unless set). */
    public DenialRoutedFixture inPractice(String practice) {
        practiceId = practice;
        return this;
    }

    public DenialRoutedFixture with(String field, Object value) {
        payload.put(field, value);
        return this;
    }

    /** The same denial again under a new event id (a re-send, not a redelivery). */
    public DenialRoutedFixture resent() {
        DenialRoutedFixture copy = new DenialRoutedFixture();
        copy.payload.putAll(payload);
        copy.practiceId = practiceId;
        return copy;
    }

    public String eventId() {
        return eventId.toString();
    }

    public String denialId() {
        return (String) payload.get("denialId");
    }

    public String claimId() {
        return (String) payload.get("claimId");
    }

    public String payerClaimControlNumber() {
        return (String) payload.get("payerClaimControlNumber");
    }

    public Map<String, Object> payload() {
        return payload;
    }

    /** The event as it travels: the envelope, keyed in Kafka by the claim id. */
    public String envelope() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId.toString());
        envelope.put("eventType", "DenialRouted");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", "2026-10-21T09:30:00Z");
        envelope.put("practiceId", practiceId);
        envelope.put("aggregateId", claimId());
        envelope.put("correlationId", payload.get("encounterId"));
        envelope.put("causationId", causationId.toString());
        envelope.put("payload", payload);
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
