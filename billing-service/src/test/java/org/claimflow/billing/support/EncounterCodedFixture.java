package org.claimflow.billing.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds EncounterCoded events (docs/events.md) as coding-service publishes them; each test changes only
 * what it is about. {@link #payload()} is what the contract test checks against coding-service's schema.
 */
public final class EncounterCodedFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> payload = new LinkedHashMap<>();
    private UUID eventId = UUID.randomUUID();
    private String practiceId = "demo-practice";

    private EncounterCodedFixture() {
    }

    /** Ada Lovelace (sandbox member M123456789, SANDBOX-PPO), an established patient's office visit: 99213. */
    public static EncounterCodedFixture officeVisitForAda() {
        EncounterCodedFixture f = new EncounterCodedFixture();
        UUID encounterId = UUID.randomUUID();
        f.payload.put("encounterId", encounterId.toString());
        f.payload.put("externalId", "PMS-" + encounterId);
        f.payload.put("dateOfService", "2026-10-14");
        f.payload.put("placeOfService", "11");
        f.payload.put("patient", patient("Ada", "Lovelace", "1980-02-14", "F"));
        f.payload.put("coverage", new LinkedHashMap<>(Map.of("payerId", "SANDBOX-PPO", "memberId", "M123456789", "relationship", "self")));
        Map<String, Object> billing = new LinkedHashMap<>(Map.of("npi", "1234567893", "taxId", "123456789", "name", "Demo Clinic"));
        billing.put("address", null);
        f.payload.put("billingProvider", billing);
        f.payload.put("renderingProvider", new LinkedHashMap<>(Map.of("npi", "1245319599", "firstName", "Grace", "lastName", "Hopper")));
        f.payload.put("diagnoses", new ArrayList<>(List.of("E11.9", "I10")));
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line("99213", List.of(), 1, List.of(1, 2), "150.00"));
        f.payload.put("serviceLines", lines);
        f.payload.put("warnings", new ArrayList<>());
        return f;
    }

    /** Edsger Dijkstra (M000000000): the sandbox pays everything it allows, so the patient owes nothing. */
    public static EncounterCodedFixture officeVisitForDijkstra() {
        EncounterCodedFixture f = officeVisitForAda();
        f.payload.put("patient", patient("Edsger", "Dijkstra", "1930-05-11", "M"));
        f.withNested("coverage", "memberId", "M000000000");
        return f;
    }

    private static Map<String, Object> patient(String first, String last, String birthDate, String sex) {
        Map<String, Object> address = new LinkedHashMap<>(Map.of("line1", "1 Main St", "city", "Springfield", "state", "IL", "postalCode", "62701"));
        address.put("line2", null);
        return new LinkedHashMap<>(Map.of("firstName", first, "lastName", last, "dateOfBirth", birthDate, "sex", sex,
                "address", address));
    }

    public static Map<String, Object> line(String code, List<String> modifiers, int units, List<Integer> pointers, String charge) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("procedureCode", code);
        line.put("modifiers", modifiers);
        line.put("units", units);
        line.put("diagnosisPointers", pointers);
        line.put("chargeAmount", charge);
        return line;
    }

    @SuppressWarnings("unchecked")
    public EncounterCodedFixture addLine(String code, String charge) {
        ((List<Map<String, Object>>) payload.get("serviceLines")).add(line(code, List.of(), 1, List.of(1), charge));
        return this;
    }

    /**
     * The coder's correction of this encounter after a coding denial (docs/events.md, EncounterCoded.correction):
     * billing replaces {@code claimId} with a claim built from this event's codes. A new event id.
     */
    public EncounterCodedFixture correcting(String claimId, String payerClaimControlNumber, String denialId) {
        Map<String, Object> correction = new LinkedHashMap<>();
        correction.put("denialId", denialId);
        correction.put("claimId", claimId);
        correction.put("payerClaimControlNumber", payerClaimControlNumber);
        correction.put("frequencyCode", "7");
        correction.put("reasonCodes", List.of("11"));
        payload.put("correction", correction);
        eventId = UUID.randomUUID();
        return this;
    }

    /** Replaces the diagnoses and the service lines, as a coder's correction does. */
    @SafeVarargs
    public final EncounterCodedFixture recoded(List<String> diagnoses, Map<String, Object>... lines) {
        payload.put("diagnoses", new ArrayList<>(diagnoses));
        payload.put("serviceLines", new ArrayList<>(List.of(lines)));
        return this;
    }

    /** Another practice: its claims, accounts and aging stay apart from every other test's. */
    public String practiceId() {
        return practiceId;
    }

    public EncounterCodedFixture practice(String practiceId) {
        this.practiceId = practiceId;
        return this;
    }

    public EncounterCodedFixture with(String field, Object value) {
        payload.put(field, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    public EncounterCodedFixture withNested(String object, String field, Object value) {
        ((Map<String, Object>) payload.get(object)).put(field, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    public EncounterCodedFixture withLine(int index, String field, Object value) {
        ((List<Map<String, Object>>) payload.get("serviceLines")).get(index).put(field, value);
        return this;
    }

    public EncounterCodedFixture without(String field) {
        payload.remove(field);
        return this;
    }

    /** A new event id: the same encounter published again, as a producer retry after a crash would. */
    public EncounterCodedFixture republished() {
        eventId = UUID.randomUUID();
        return this;
    }

    public String encounterId() {
        return (String) payload.get("encounterId");
    }

    public UUID eventId() {
        return eventId;
    }

    public Map<String, Object> payload() {
        return payload;
    }

    public String envelope() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId.toString());
        envelope.put("eventType", "EncounterCoded");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", "2026-10-14T15:04:05.123Z");
        envelope.put("practiceId", practiceId);
        envelope.put("aggregateId", encounterId());
        envelope.put("correlationId", encounterId());
        envelope.put("causationId", null);
        envelope.put("payload", payload);
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
