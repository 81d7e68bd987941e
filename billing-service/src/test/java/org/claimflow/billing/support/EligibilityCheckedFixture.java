package org.claimflow.billing.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds EligibilityChecked events (docs/events.md) as eligibility-service publishes them. */
public final class EligibilityCheckedFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> payload = new LinkedHashMap<>();
    private String practiceId = "demo-practice";

    private EligibilityCheckedFixture() {
    }

    public static EligibilityCheckedFixture eligible(String claimId, String encounterId) {
        EligibilityCheckedFixture f = new EligibilityCheckedFixture();
        f.payload.put("checkId", UUID.randomUUID().toString());
        f.payload.put("claimId", claimId);
        f.payload.put("encounterId", encounterId);
        f.payload.put("payerId", "SANDBOX-PPO");
        f.payload.put("dateOfService", "2026-10-14");
        f.payload.put("eligible", true);
        f.payload.put("status", "ACTIVE");
        f.payload.put("reasonCode", null);
        f.payload.put("reason", null);
        f.payload.put("planName", "Sandbox PPO Gold");
        f.payload.put("coverageStart", "2026-01-01");
        f.payload.put("coverageEnd", "2026-12-31");
        f.payload.put("copay", "25.00");
        f.payload.put("coinsurance", "0.20");
        f.payload.put("deductibleRemaining", "0.00");
        f.payload.put("estimatedPatientResponsibility", "25.00");
        return f;
    }

    /** Coverage not active on the date of service. */
    public static EligibilityCheckedFixture inactive(String claimId, String encounterId) {
        EligibilityCheckedFixture f = eligible(claimId, encounterId);
        f.payload.put("eligible", false);
        f.payload.put("status", "INACTIVE");
        f.payload.put("reasonCode", "COVERAGE_INACTIVE");
        f.payload.put("reason", "Coverage ended 2025-12-31");
        return f;
    }

    /** The claim's practice, which the event names (row-level security: billing acts for it). */
    public EligibilityCheckedFixture practice(String practiceId) {
        this.practiceId = practiceId;
        return this;
    }

    public String envelope() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("eventType", "EligibilityChecked");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", "2026-10-14T15:05:00Z");
        envelope.put("practiceId", practiceId);
        envelope.put("aggregateId", payload.get("claimId"));
        envelope.put("correlationId", payload.get("encounterId"));
        envelope.put("causationId", null);
        envelope.put("payload", payload);
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
