package org.claimflow.eligibility.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates events against the JSON Schema files producers keep in the repository (draft 2020-12, formats asserted). */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    /** Our own schema for the topic we produce. */
    public static final Path ELIGIBILITY_CHECKED = Path.of("src/main/resources/events/claims.eligibility-checked.v1.schema.json");
    /** Billing's schema for the topic we consume, read from its module in this repository. */
    public static final Path CLAIM_ASSEMBLED = Path.of("../billing-service/src/main/resources/events/claims.claim-assembled.v1.schema.json");

    private EventSchemas() {
    }

    public static Set<String> problems(Path schemaFile, String eventJson) {
        assertTrue(Files.isRegularFile(schemaFile), () -> "The schema " + schemaFile.toAbsolutePath().normalize()
                + " is missing: its producer has not published it yet (docs/events.md: the producer owns it).");
        try {
            JsonSchema schema = FACTORY.getSchema(JSON.readTree(schemaFile.toFile()), CONFIG);
            JsonNode event = JSON.readTree(eventJson);
            return schema.validate(event).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertValid(Path schemaFile, String eventJson) {
        assertEquals(Set.of(), problems(schemaFile, eventJson), "event does not match " + schemaFile.getFileName());
    }
}
