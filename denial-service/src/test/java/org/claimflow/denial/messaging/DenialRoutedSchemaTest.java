package org.claimflow.denial.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimflow.denial.support.Schemas;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;

/**
 * The producer's own schema stays compatible: a DenialRouted as published before the optional additions is
 * still valid, and the additions are checked when present.
 */
class DenialRoutedSchemaTest {

    private static final JsonSchema SCHEMA = Schemas.fromClasspath("events/claims.denial-routed.v1.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** docs/events.md's sample as it was before payerClaimControlNumber, dateOfService, reasons and remarkCodes. */
    private static ObjectNode before() throws Exception {
        return (ObjectNode) JSON.readTree("""
                { "eventId": "6f1c1a2e-3b4d-4c5e-8f90-1a2b3c4d5e6f", "eventType": "DenialRouted", "schemaVersion": 1,
                  "occurredAt": "2026-10-20T10:00:00Z", "practiceId": "demo-practice",
                  "aggregateId": "0b7e3c1a-9d2f-4e5a-8b6c-7d8e9f0a1b2c", "correlationId": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
                  "causationId": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
                  "payload": { "denialId": "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "claimId": "0b7e3c1a-9d2f-4e5a-8b6c-7d8e9f0a1b2c",
                    "encounterId": "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", "payerId": "SANDBOX-PPO",
                    "category": "NON_COVERED", "queue": "BILLING", "groupCode": "CO", "reasonCodes": ["96"],
                    "lineNumbers": [2], "amount": "250.00", "appealDeadline": "2027-04-18", "correctable": false } }
                """);
    }

    private static ObjectNode withAdditions() throws Exception {
        ObjectNode event = before();
        ((ObjectNode) event.get("payload")).setAll((ObjectNode) JSON.readTree("""
                { "payerClaimControlNumber": "SBX000000000123", "dateOfService": "2026-10-14",
                  "reasons": [ { "groupCode": "CO", "reasonCode": "96", "description": "Non-covered charge(s)." } ],
                  "remarkCodes": ["N130"] }
                """));
        return event;
    }

    private static List<?> errors(JsonNode event) {
        return List.copyOf(Schemas.validate(SCHEMA, event));
    }

    @Test
    void acceptsAnEventPublishedBeforeTheOptionalAdditions() throws Exception {
        assertEquals(List.of(), errors(before()));
    }

    @Test
    void acceptsTheAdditionsAndTheirNullsForARemittanceWithoutClaimNumberOrDate() throws Exception {
        assertEquals(List.of(), errors(withAdditions()));
        ObjectNode event = withAdditions();
        ObjectNode payload = (ObjectNode) event.get("payload");
        payload.putNull("payerClaimControlNumber");
        payload.putNull("dateOfService");
        ((ObjectNode) payload.at("/reasons/0")).putNull("description");
        assertEquals(List.of(), errors(event));
    }

    @Test
    void refusesAReasonWithoutItsCodeAndADateOfServiceThatIsNotADate() throws Exception {
        ObjectNode event = withAdditions();
        ObjectNode payload = (ObjectNode) event.get("payload");
        ((ObjectNode) payload.at("/reasons/0")).remove("reasonCode");
        payload.put("dateOfService", "14/10/2026");
        String errors = errors(event).toString();
        assertTrue(errors.contains("reasonCode") && errors.contains("dateOfService"), errors);
    }
}
