package org.claimflow.billing.messaging;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.billing.support.EventSchemas;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;

/** Our sample EncounterCoded events must be what coding-service, the producer, says it publishes. */
class EncounterCodedContractTest {

    private static final Path PRODUCER_SCHEMA = Path.of("../coding-service/src/main/resources/events/claims.encounter-coded.v1.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema producerSchema() {
        assumeTrue(Files.isRegularFile(PRODUCER_SCHEMA), "ASSUMPTION: coding-service has not published " + PRODUCER_SCHEMA
                + " yet; the contract check is skipped until it exists");
        return EventSchemas.file(PRODUCER_SCHEMA);
    }

    @Test
    void ourSampleEncounterCodedEventsMatchTheProducersSchema() throws Exception {
        JsonSchema schema = producerSchema();
        for (EncounterCodedFixture sample : List.of(EncounterCodedFixture.officeVisitForAda(),
                EncounterCodedFixture.officeVisitForDijkstra().addLine("15780", "800.00"),
                EncounterCodedFixture.officeVisitForAda().correcting(UUID.randomUUID().toString(), "SBX000000000123",
                        UUID.randomUUID().toString()))) {
            EventSchemas.assertValid(schema, JSON.readTree(sample.envelope()));
        }
    }
}
