package org.claimflow.billing.messaging;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.claimflow.billing.support.ClaimCorrectionRequestedFixture;
import org.claimflow.billing.support.EventSchemas;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;

/** Our sample ClaimCorrectionRequested events must be what denial-service, the producer, says it publishes. */
class ClaimCorrectionRequestedContractTest {

    private static final Path PRODUCER_SCHEMA = Path.of("../denial-service/src/main/resources/events/claims.claim-correction-requested.v1.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema producerSchema() {
        // Not skipped when missing: denial-service publishes this schema today, and a contract test that silently
        // stops checking is worse than a red build.
        assertTrue(Files.isRegularFile(PRODUCER_SCHEMA), "denial-service's schema " + PRODUCER_SCHEMA + " is missing");
        return EventSchemas.file(PRODUCER_SCHEMA);
    }

    @Test
    void ourSampleClaimCorrectionRequestedEventsMatchTheProducersSchema() throws Exception {
        JsonSchema schema = producerSchema();
        String claimId = UUID.randomUUID().toString();
        String encounterId = UUID.randomUUID().toString();
        for (ClaimCorrectionRequestedFixture sample : List.of(
                ClaimCorrectionRequestedFixture.replacement(claimId, encounterId, "SBX000000000123"),
                ClaimCorrectionRequestedFixture.voiding(claimId, encounterId, "SBX000000000123"),
                ClaimCorrectionRequestedFixture.replacement(claimId, null, null))) {
            EventSchemas.assertValid(schema, JSON.readTree(sample.envelope()));
        }
    }

    @Test
    void theSchemaRefusesAFrequencyOtherThanSevenOrEight() throws Exception {
        JsonSchema schema = producerSchema();
        ObjectNode event = (ObjectNode) JSON.readTree(ClaimCorrectionRequestedFixture
                .replacement(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "SBX000000000123").envelope());
        ((ObjectNode) event.get("payload")).put("frequencyCode", "1");
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(schema, event));
    }
}
