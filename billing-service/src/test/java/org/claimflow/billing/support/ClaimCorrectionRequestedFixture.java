package org.claimflow.billing.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds ClaimCorrectionRequested events (docs/events.md) as denial-service publishes them. */
public final class ClaimCorrectionRequestedFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> payload = new LinkedHashMap<>();
    private String practiceId = "demo-practice";
    private final UUID eventId = UUID.randomUUID();

    private ClaimCorrectionRequestedFixture() {
    }

    /** A replacement (frequency 7) of the claim, citing the payer's claim control number. */
    public static ClaimCorrectionRequestedFixture replacement(String claimId, String encounterId, String payerClaimControlNumber) {
        ClaimCorrectionRequestedFixture f = new ClaimCorrectionRequestedFixture();
        f.payload.put("correctionId", UUID.randomUUID().toString());
        f.payload.put("denialId", UUID.randomUUID().toString());
        f.payload.put("claimId", claimId);
        f.payload.put("encounterId", encounterId);
        f.payload.put("payerClaimControlNumber", payerClaimControlNumber);
        f.payload.put("frequencyCode", "7");
        f.payload.put("reason", "Wrong modifier on line 1");
        return f;
    }

    /** A void (frequency 8). */
    public static ClaimCorrectionRequestedFixture voiding(String claimId, String encounterId, String payerClaimControlNumber) {
        ClaimCorrectionRequestedFixture f = replacement(claimId, encounterId, payerClaimControlNumber);
        f.payload.put("frequencyCode", "8");
        f.payload.put("reason", "Billed under the wrong patient");
        return f;
    }

    /** The same correction (same correction id) in another event, as a producer retrying would send it. */
    public ClaimCorrectionRequestedFixture again() {
        ClaimCorrectionRequestedFixture f = new ClaimCorrectionRequestedFixture();
        f.payload.putAll(payload);
        f.practiceId = practiceId;
        return f;
    }

    public String correctionId() {
        return (String) payload.get("correctionId");
    }

    public String denialId() {
        return (String) payload.get("denialId");
    }

    public UUID eventId() {
        return eventId;
    }

    /** The claim's practice, which the event names (row-level security: billing acts for it). */
    public ClaimCorrectionRequestedFixture practice(String practiceId) {
        this.practiceId = practiceId;
        return this;
    }

    public String envelope() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId.toString());
        envelope.put("eventType", "ClaimCorrectionRequested");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", "2026-11-02T09:30:00Z");
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
