package org.claimflow.denial.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds ClaimAdjudicated events (envelope and payload, docs/events.md) as billing publishes them; each
 * test says only what its remittance is about. Totals are derived from the lines so that the remittance
 * balances like a real 835.
 */
public final class ClaimAdjudicatedFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> envelope = new LinkedHashMap<>();
    private final Map<String, Object> payload = new LinkedHashMap<>();
    private final List<Map<String, Object>> lines = new ArrayList<>();
    private final List<Map<String, Object>> claimAdjustments = new ArrayList<>();
    private String claimCharge;

    private ClaimAdjudicatedFixture() {
        String claimId = UUID.randomUUID().toString();
        String encounterId = UUID.randomUUID().toString();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("eventType", "ClaimAdjudicated");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("practiceId", "demo-practice");
        envelope.put("aggregateId", claimId);
        envelope.put("correlationId", encounterId);
        envelope.put("causationId", UUID.randomUUID().toString());
        payload.put("claimId", claimId);
        payload.put("encounterId", encounterId);
        payload.put("payerId", "SANDBOX-PPO");
        payload.put("remittanceId", UUID.randomUUID().toString());
        payload.put("patientControlNumber", "CF" + claimId.replace("-", "").substring(0, 17).toUpperCase());
        payload.put("payerClaimControlNumber", "SBX" + Math.abs(claimId.hashCode()));
        payload.put("claimStatusCode", "1");
        payload.put("outcome", "PAID");
        payload.put("remittanceDate", LocalDate.now(ZoneOffset.UTC).minusDays(6).toString());
        payload.put("traceNumber", "EFT" + Math.abs(claimId.hashCode()));
        payload.put("dateOfService", LocalDate.now(ZoneOffset.UTC).minusDays(20).toString());
        payload.put("frequencyCode", "1");
        payload.put("replacesClaimId", null);
        // An invented test patient and practice, as billing reports them for the appeal letter.
        payload.put("memberId", "M123456789");
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("firstName", "Ada");
        patient.put("lastName", "Lovelace");
        patient.put("dateOfBirth", "1980-02-14");
        payload.put("patient", patient);
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", "1 Main St");
        address.put("line2", null);
        address.put("city", "Springfield");
        address.put("state", "IL");
        address.put("postalCode", "62701");
        Map<String, Object> billingProvider = new LinkedHashMap<>();
        billingProvider.put("npi", "1234567893");
        billingProvider.put("name", "Demo Clinic");
        billingProvider.put("address", address);
        payload.put("billingProvider", billingProvider);
    }

    /** An office visit paid after the contractual write-off and the patient's copay: no denial in it. */
    public static ClaimAdjudicatedFixture paidOfficeVisit() {
        return new ClaimAdjudicatedFixture()
                .withLine("99213", "150.00", "67.00", List.of(), adjustment("CO", "45", "58.00"), adjustment("PR", "3", "25.00"));
    }

    /** The paid office visit plus a second line the payer paid nothing for, with the given reason. */
    public static ClaimAdjudicatedFixture lineDenied(String groupCode, String reasonCode, String... remarkCodes) {
        return paidOfficeVisit()
                .withLine("71046", "250.00", "0.00", List.of(remarkCodes), adjustment(groupCode, reasonCode, "250.00"))
                .outcome("PARTIALLY_DENIED");
    }

    /** CLP02 = 4 with the reason at claim level and no service lines in the remittance. */
    public static ClaimAdjudicatedFixture wholeClaimDenied(String groupCode, String reasonCode, String charge) {
        ClaimAdjudicatedFixture f = new ClaimAdjudicatedFixture().outcome("DENIED");
        f.payload.put("claimStatusCode", "4");
        f.claimCharge = charge;
        f.claimAdjustments.add(adjustment(groupCode, reasonCode, charge));
        return f;
    }

    /** A claim with no lines yet; add them with {@link #withLine}. */
    public static ClaimAdjudicatedFixture empty() {
        return new ClaimAdjudicatedFixture();
    }

    public static Map<String, Object> adjustment(String groupCode, String reasonCode, String amount) {
        Map<String, Object> adjustment = new LinkedHashMap<>();
        adjustment.put("groupCode", groupCode);
        adjustment.put("reasonCode", reasonCode);
        adjustment.put("amount", amount);
        return adjustment;
    }

    @SafeVarargs
    public final ClaimAdjudicatedFixture withLine(String procedureCode, String charge, String paid, List<String> remarkCodes,
                                                  Map<String, Object>... adjustments) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineNumber", lines.size() + 1);
        line.put("procedureCode", procedureCode);
        line.put("modifiers", List.of());
        line.put("units", 1);
        line.put("chargeAmount", charge);
        line.put("paidAmount", paid);
        line.put("allowedAmount", new BigDecimal(charge).subtract(contractual(List.of(adjustments))).toPlainString());
        line.put("adjustments", List.of(adjustments));
        line.put("remarkCodes", remarkCodes);
        lines.add(line);
        return this;
    }

    public ClaimAdjudicatedFixture outcome(String outcome) {
        payload.put("outcome", outcome);
        if ("REVERSED".equals(outcome)) {
            payload.put("claimStatusCode", "22");
        }
        return this;
    }

    public ClaimAdjudicatedFixture practice(String practiceId) {
        envelope.put("practiceId", practiceId);
        return this;
    }

    public ClaimAdjudicatedFixture payer(String payerId) {
        payload.put("payerId", payerId);
        return this;
    }

    public ClaimAdjudicatedFixture remittanceDate(LocalDate date) {
        payload.put("remittanceDate", date.toString());
        return this;
    }

    /**
     * The replacement (frequency 7) of {@code original}: a new claim for the same encounter, practice and payer,
     * adjudicated in its own remittance. Add its lines with {@link #withLine}.
     */
    public static ClaimAdjudicatedFixture replacementOf(ClaimAdjudicatedFixture original) {
        ClaimAdjudicatedFixture f = new ClaimAdjudicatedFixture();
        f.envelope.put("practiceId", original.envelope.get("practiceId"));
        f.envelope.put("correlationId", original.envelope.get("correlationId"));
        f.payload.put("encounterId", original.payload.get("encounterId"));
        f.payload.put("payerId", original.payload.get("payerId"));
        f.payload.put("payerClaimControlNumber", original.payload.get("payerClaimControlNumber") + "R");
        f.payload.put("dateOfService", original.payload.get("dateOfService"));
        f.payload.put("frequencyCode", "7");
        f.payload.put("replacesClaimId", original.claimId());
        return f;
    }

    /** A later remittance about the same claim (e.g. its reversal): new event, new remittance id. */
    public ClaimAdjudicatedFixture laterRemittance() {
        ClaimAdjudicatedFixture copy = redelivered();
        copy.payload.put("remittanceId", UUID.randomUUID().toString());
        return copy;
    }

    /** The same remittance of the same claim sent again by billing as a new event. */
    public ClaimAdjudicatedFixture redelivered() {
        ClaimAdjudicatedFixture copy = new ClaimAdjudicatedFixture();
        copy.envelope.putAll(envelope);
        copy.envelope.put("eventId", UUID.randomUUID().toString());
        copy.payload.putAll(payload);
        copy.lines.addAll(lines);
        copy.claimAdjustments.addAll(claimAdjustments);
        copy.claimCharge = claimCharge;
        return copy;
    }

    public ClaimAdjudicatedFixture withPayload(String field, Object value) {
        payload.put(field, value);
        return this;
    }

    public String practiceId() {
        return (String) envelope.get("practiceId");
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

    public String payerId() {
        return (String) payload.get("payerId");
    }

    public String payerClaimControlNumber() {
        return (String) payload.get("payerClaimControlNumber");
    }

    public LocalDate dateOfService() {
        return LocalDate.parse((String) payload.get("dateOfService"));
    }

    public LocalDate remittanceDate() {
        return LocalDate.parse((String) payload.get("remittanceDate"));
    }

    public Map<String, Object> build() {
        Map<String, Object> body = new LinkedHashMap<>(payload);
        BigDecimal charge = claimCharge != null ? new BigDecimal(claimCharge) : sum(lines, "chargeAmount");
        BigDecimal paid = sum(lines, "paidAmount");
        BigDecimal patient = BigDecimal.ZERO;
        for (Map<String, Object> line : lines) {
            patient = patient.add(patientShare(adjustmentsOf(line)));
        }
        body.put("totalCharge", charge.setScale(2).toPlainString());
        body.put("paidAmount", paid.setScale(2).toPlainString());
        body.put("patientResponsibility", patient.setScale(2).toPlainString());
        body.put("adjustments", List.copyOf(claimAdjustments));
        body.put("serviceLines", List.copyOf(lines));
        Map<String, Object> event = new LinkedHashMap<>(envelope);
        event.put("payload", body);
        return event;
    }

    public String json() {
        try {
            return JSON.writeValueAsString(build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal sum(List<Map<String, Object>> rows, String field) {
        return rows.stream().map(r -> new BigDecimal((String) r.get(field))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> adjustmentsOf(Map<String, Object> line) {
        return (List<Map<String, Object>>) line.get("adjustments");
    }

    private static BigDecimal patientShare(List<Map<String, Object>> adjustments) {
        return adjustments.stream().filter(a -> "PR".equals(a.get("groupCode")))
                .map(a -> new BigDecimal((String) a.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal contractual(List<Map<String, Object>> adjustments) {
        return adjustments.stream().filter(a -> !"PR".equals(a.get("groupCode")))
                .map(a -> new BigDecimal((String) a.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
