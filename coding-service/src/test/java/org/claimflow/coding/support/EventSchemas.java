package org.claimflow.coding.support;

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

/** Validates events against the JSON Schemas their producers keep in the repository. */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    /** A schema this service produces, from its own resources. */
    public static JsonSchema own(String topic) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/events/" + topic + ".schema.json")) {
            if (in == null) {
                throw new IllegalStateException("no schema for " + topic + " in src/main/resources/events");
            }
            return schema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A schema another service produces, read from its module in this repository. */
    public static JsonSchema producedBy(String module, String topic) {
        return schema(producedByJson(module, topic));
    }

    /** The JSON of a schema another service produces, to ask what it declares. */
    public static JsonNode producedByJson(String module, String topic) {
        Path file = Path.of("..", module, "src/main/resources/events", topic + ".schema.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the producer's schema is missing: " + file.toAbsolutePath());
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<String> violations(JsonSchema schema, String json) {
        try {
            return violations(schema, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<String> violations(JsonSchema schema, JsonNode node) {
        return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    private static JsonSchema schema(JsonNode node) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node, config);
    }
}
