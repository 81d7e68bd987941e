package org.claimflow.denial.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds EncounterCoded events (envelope and payload, docs/events.md) as coding-service publishes them. The
 * patient is an invented test person; denial-service reads only the encounter id and the correction.
 */
public final class EncounterCodedFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> envelope = new LinkedHashMap<>();
    private final Map<String, Object> payload = new LinkedHashMap<>();

    private EncounterCodedFixture() {
        String encounterId = UUID.randomUUID().toString();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("eventType", "EncounterCoded");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("practiceId", "demo-practice");
        envelope.put("aggregateId", encounterId);
        envelope.put("correlationId", encounterId);
        envelope.put("causationId", null);
        payload.put("encounterId", encounterId);
        payload.put("externalId", "PMS-" + encounterId.substring(0, 8));
        payload.put("dateOfService", LocalDate.now(ZoneOffset.UTC).minusDays(20).toString());
        payload.put("placeOfService", "11");
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", "1 Main St");
        address.put("line2", null);
        address.put("city", "Springfield");
        address.put("state", "IL");
        address.put("postalCode", "62701");
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("firstName", "Ada");
        patient.put("lastName", "Lovelace");
        patient.put("dateOfBirth", "1980-02-14");
        patient.put("sex", "F");
        patient.put("address", address);
        payload.put("patient", patient);
        payload.put("coverage", Map.of("payerId", "SANDBOX-PPO", "memberId", "M123456789", "relationship", "self"));
        Map<String, Object> billingProvider = new LinkedHashMap<>();
        billingProvider.put("npi", "1234567893");
        billingProvider.put("taxId", "123456789");
        billingProvider.put("name", "Demo Clinic");
        billingProvider.put("address", null);
        payload.put("billingProvider", billingProvider);
        payload.put("renderingProvider", Map.of("npi", "1245319599", "firstName", "Grace", "lastName", "Hopper"));
        payload.put("diagnoses", List.of("E11.9", "I10"));
        payload.put("serviceLines", List.of(Map.of("procedureCode", "99213", "modifiers", List.of("25"), "units", 1,
                "diagnosisPointers", List.of(1, 2), "chargeAmount", "150.00")));
        payload.put("warnings", List.of());
        payload.put("correction", null);
    }

    /** An encounter coded for the first time: no denial behind it. */
    public static EncounterCodedFixture firstCoding() {
        return new EncounterCodedFixture();
    }

    /** A coder's correction answering the given denial of the given claim, with the payer's claim number. */
    public static EncounterCodedFixture correcting(String denialId, String claimId, String payerClaimControlNumber,
                                                   String... reasonCodes) {
        EncounterCodedFixture f = new EncounterCodedFixture();
        Map<String, Object> correction = new LinkedHashMap<>();
        correction.put("denialId", denialId);
        correction.put("claimId", claimId);
        correction.put("payerClaimControlNumber", payerClaimControlNumber);
        correction.put("frequencyCode", "7");
        correction.put("reasonCodes", List.of(reasonCodes));
        f.payload.put("correction", correction);
        return f;
    }

    /** The correction answers these denials too (one replacement for several denied lines). */
    public EncounterCodedFixture answering(String... denialIds) {
        @SuppressWarnings("unchecked")
        Map<String, Object> correction = (Map<String, Object>) payload.get("correction");
        correction.put("denialIds", List.of(denialIds));
        return this;
    }

    public EncounterCodedFixture practice(String practiceId) {
        envelope.put("practiceId", practiceId);
        return this;
    }

    public EncounterCodedFixture withPayload(String field, Object value) {
        payload.put(field, value);
        return this;
    }

    public String encounterId() {
        return (String) payload.get("encounterId");
    }

    public String eventId() {
        return (String) envelope.get("eventId");
    }

    public Map<String, Object> build() {
        Map<String, Object> event = new LinkedHashMap<>(envelope);
        event.put("payload", new LinkedHashMap<>(payload));
        return event;
    }

    public String json() {
        try {
            return JSON.writeValueAsString(build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
