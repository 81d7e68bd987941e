package org.claimflow.eligibility.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds ClaimAssembled events as billing publishes them (envelope + payload of docs/events.md); the
 * consumer contract test checks them against billing's schema, so what the consumer tests feed is real.
 */
public final class ClaimAssembledFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> envelope = new LinkedHashMap<>();
    private final Map<String, Object> payload = new LinkedHashMap<>();

    private ClaimAssembledFixture(String memberId, String firstName, String lastName, String dateOfBirth, String sex) {
        String claimId = UUID.randomUUID().toString();
        String encounterId = UUID.randomUUID().toString();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("eventType", "ClaimAssembled");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", "2026-10-14T15:04:05.123Z");
        envelope.put("practiceId", "demo-practice");
        envelope.put("aggregateId", claimId);
        envelope.put("correlationId", encounterId);
        envelope.put("causationId", UUID.randomUUID().toString());
        payload.put("claimId", claimId);
        payload.put("encounterId", encounterId);
        payload.put("patientControlNumber", "CF" + claimId.replace("-", "").substring(0, 17).toUpperCase());
        payload.put("payerId", "SANDBOX-PPO");
        payload.put("memberId", memberId);
        payload.put("relationship", "self");
        payload.put("subscriber", new LinkedHashMap<>(Map.of("firstName", firstName, "lastName", lastName,
                "dateOfBirth", dateOfBirth, "sex", sex)));
        payload.put("billingProviderNpi", EligibilityCheckFixture.PROVIDER_NPI);
        payload.put("dateOfService", EligibilityCheckFixture.DATE_OF_SERVICE);
        payload.put("placeOfService", "11");
        payload.put("totalCharge", "162.00");
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line(1, "99213", List.of("25"), "150.00"));
        lines.add(line(2, "36415", List.of(), "12.00"));
        payload.put("serviceLines", lines);
        envelope.put("payload", payload);
    }

    /** An office visit (99213-25 + venipuncture, 162.00) for Ada Lovelace, active on the date of service. */
    public static ClaimAssembledFixture officeVisitForAda() {
        return new ClaimAssembledFixture("M123456789", "Ada", "Lovelace", "1980-02-14", "F");
    }

    /** The same visit for Grace Brewster, whose coverage ended with 2025. */
    public static ClaimAssembledFixture officeVisitForGrace() {
        return new ClaimAssembledFixture("M987654321", "Grace", "Brewster", "1950-12-09", "F");
    }

    private static Map<String, Object> line(int number, String code, List<String> modifiers, String charge) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineNumber", number);
        line.put("procedureCode", code);
        line.put("modifiers", modifiers);
        line.put("units", 1);
        line.put("chargeAmount", charge);
        return line;
    }

    public ClaimAssembledFixture practice(String practiceId) {
        envelope.put("practiceId", practiceId);
        return this;
    }

    public ClaimAssembledFixture with(String payloadField, Object value) {
        payload.put(payloadField, value);
        return this;
    }

    public String claimId() {
        return (String) payload.get("claimId");
    }

    public String eventId() {
        return (String) envelope.get("eventId");
    }

    public String correlationId() {
        return (String) envelope.get("correlationId");
    }

    public Map<String, Object> build() {
        return envelope;
    }

    public String json() {
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
