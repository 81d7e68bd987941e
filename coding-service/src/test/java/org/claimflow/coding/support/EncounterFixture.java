package org.claimflow.coding.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds encounter request bodies; each test changes only what it is about. */
public final class EncounterFixture {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private EncounterFixture() {
    }

    /** An established patient's office visit: 99213-25 with a venipuncture, two diagnoses, valid NPIs. */
    public static EncounterFixture officeVisit() {
        EncounterFixture f = new EncounterFixture();
        f.body.put("practiceId", "demo-practice");
        f.body.put("externalId", "PMS-" + UUID.randomUUID());
        f.body.put("dateOfService", "2026-10-14");
        f.body.put("placeOfService", "11");
        f.body.put("patient", new LinkedHashMap<>(Map.of("firstName", "Ada", "lastName", "Lovelace",
                "dateOfBirth", "1980-02-14", "sex", "F",
                "address", Map.of("line1", "1 Main St", "city", "Springfield", "state", "IL", "postalCode", "62701"))));
        f.body.put("coverage", new LinkedHashMap<>(Map.of("payerId", "SANDBOX-PPO", "memberId", "M123456789", "relationship", "self")));
        f.body.put("billingProvider", new LinkedHashMap<>(Map.of("npi", "1234567893", "taxId", "123456789", "name", "Demo Clinic")));
        f.body.put("renderingProvider", new LinkedHashMap<>(Map.of("npi", "1245319599", "firstName", "Grace", "lastName", "Hopper")));
        f.body.put("diagnoses", new ArrayList<>(List.of("E11.9", "I10")));
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line("99213", List.of("25"), 1, List.of(1, 2), "150.00"));
        lines.add(line("36415", List.of(), 1, List.of(1), "12.00"));
        f.body.put("serviceLines", lines);
        return f;
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

    public EncounterFixture with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    public EncounterFixture withNested(String object, String field, Object value) {
        ((Map<String, Object>) body.get(object)).put(field, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    public EncounterFixture withLine(int index, String field, Object value) {
        ((List<Map<String, Object>>) body.get("serviceLines")).get(index).put(field, value);
        return this;
    }

    public String externalId() {
        return (String) body.get("externalId");
    }

    public Map<String, Object> build() {
        return body;
    }
}
