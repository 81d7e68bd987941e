package org.claimflow.billing.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.claimflow.billing.support.EventSchemas;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;

/**
 * The ClaimAdjudicated schema gained optional fields (frequencyCode, replacesClaimId, memberId, patient,
 * billingProvider): events without them, as consumers keep them as samples, still validate.
 */
class ClaimAdjudicatedSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = EventSchemas.ours("claims.claim-adjudicated.v1");

    /** The docs/events.md example as produced before the new fields existed. */
    private static final String BEFORE = """
            { "eventId": "9b2f3c1e-0000-4000-8000-000000000001", "eventType": "ClaimAdjudicated", "schemaVersion": 1,
              "occurredAt": "2026-10-20T15:04:05.123Z", "practiceId": "demo-practice",
              "aggregateId": "9b2f3c1e-0000-4000-8000-000000000002", "correlationId": "9b2f3c1e-0000-4000-8000-000000000003",
              "causationId": null,
              "payload": { "claimId": "9b2f3c1e-0000-4000-8000-000000000002", "encounterId": "9b2f3c1e-0000-4000-8000-000000000003",
                "payerId": "SANDBOX-PPO", "remittanceId": "9b2f3c1e-0000-4000-8000-000000000004",
                "patientControlNumber": "CF9B2F3C1E00004000", "payerClaimControlNumber": "SBX000000000123",
                "claimStatusCode": "1", "outcome": "PAID", "totalCharge": "150.00", "paidAmount": "53.60",
                "patientResponsibility": "38.40", "remittanceDate": "2026-10-20", "traceNumber": "EFT0001",
                "dateOfService": "2026-10-14", "adjustments": [],
                "serviceLines": [ { "lineNumber": 1, "procedureCode": "99213", "modifiers": ["25"], "units": 1,
                  "chargeAmount": "150.00", "paidAmount": "53.60", "allowedAmount": "92.00",
                  "adjustments": [ { "groupCode": "CO", "reasonCode": "45", "amount": "58.00" } ], "remarkCodes": [] } ] } }""";

    private static ObjectNode withNewFields() throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(BEFORE);
        ObjectNode payload = (ObjectNode) event.get("payload");
        payload.put("frequencyCode", "7");
        payload.put("replacesClaimId", "9b2f3c1e-0000-4000-8000-000000000009");
        payload.put("memberId", "M123456789");
        payload.set("patient", JSON.readTree("""
                { "firstName": "Ada", "lastName": "Lovelace", "dateOfBirth": "1980-02-14" }"""));
        payload.set("billingProvider", JSON.readTree("""
                { "npi": "1234567893", "name": "Demo Clinic",
                  "address": { "line1": "1 Main St", "line2": null, "city": "Springfield", "state": "IL", "postalCode": "62701" } }"""));
        return event;
    }

    @Test
    void anEventWithoutTheNewOptionalFieldsStillValidates() throws Exception {
        EventSchemas.assertValid(SCHEMA, JSON.readTree(BEFORE));
    }

    @Test
    void anEventWithTheNewFieldsValidates() throws Exception {
        EventSchemas.assertValid(SCHEMA, withNewFields());
    }

    @Test
    void anOriginalWithNullCorrectionAndNoBillingAddressValidates() throws Exception {
        ObjectNode event = withNewFields();
        ObjectNode payload = (ObjectNode) event.get("payload");
        payload.put("frequencyCode", "1");
        payload.putNull("replacesClaimId");
        ((ObjectNode) payload.get("billingProvider")).putNull("address");
        EventSchemas.assertValid(SCHEMA, event);
    }

    @Test
    void refusesAnUnknownFrequencyCodeOrAPatientWithoutBirthDate() throws Exception {
        ObjectNode badFrequency = withNewFields();
        ((ObjectNode) badFrequency.get("payload")).put("frequencyCode", "5");
        assertFalse(SCHEMA.validate(badFrequency).isEmpty());
        ObjectNode noBirthDate = withNewFields();
        ((ObjectNode) noBirthDate.at("/payload/patient")).remove("dateOfBirth");
        assertFalse(SCHEMA.validate(noBirthDate).isEmpty());
        JsonNode badReplaces = withNewFields();
        ((ObjectNode) badReplaces.get("payload")).put("replacesClaimId", "not-a-uuid");
        assertFalse(SCHEMA.validate(badReplaces).isEmpty());
    }
}
