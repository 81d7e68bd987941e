package org.claimflow.billing.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
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

/** Validates events against the JSON Schemas (draft 2020-12) producers keep in src/main/resources/events/. */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private EventSchemas() {
    }

    /** One of our own schemas, from the classpath, e.g. {@code claims.claim-assembled.v1}. */
    public static JsonSchema ours(String topic) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/events/" + topic + ".schema.json")) {
            if (in == null) {
                throw new IllegalStateException("no schema for " + topic);
            }
            return FACTORY.getSchema(JSON.readTree(in), CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another service's schema file in the repository. */
    public static JsonSchema file(Path path) {
        try {
            return FACTORY.getSchema(JSON.readTree(Files.readString(path)), CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertValid(JsonSchema schema, String json) {
        try {
            assertValid(schema, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertValid(JsonSchema schema, JsonNode json) {
        Set<ValidationMessage> errors = schema.validate(json);
        assertEquals("", errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n")),
                "the event does not match its schema");
    }
}
