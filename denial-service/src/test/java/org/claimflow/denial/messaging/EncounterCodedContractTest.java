package org.claimflow.denial.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.claimflow.denial.support.EncounterCodedFixture;
import org.claimflow.denial.support.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Consumer contract: the EncounterCoded events this service's tests publish must be events coding-service may
 * send, i.e. valid against coding-service's schema for claims.encounter-coded.v1 (read from the repo,
 * relative to this module).
 *
 * <p>That schema does not describe {@code correction} yet (docs/events.md does): today a correction passes
 * only because the payload does not forbid additional properties, so its shape is checked by nobody's schema.
 * {@link #producersSchemaLetsTheCorrectionThrough} keeps that honest: it passes while the field is either
 * declared or tolerated, and the parameterized test validates the correction's shape as soon as
 * coding-service declares it.
 */
class EncounterCodedContractTest {

    static final Path CODING_SCHEMA = Path.of("../coding-service/src/main/resources/events/claims.encounter-coded.v1.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("first coding, no correction", EncounterCodedFixture.firstCoding()),
                Arguments.of("coder's correction of a CO-11 denial", EncounterCodedFixture.correcting(
                        UUID.randomUUID().toString(), UUID.randomUUID().toString(), "SBX000000000123", "11")),
                Arguments.of("coder's correction of a CO-16/M76 denial", EncounterCodedFixture.correcting(
                        UUID.randomUUID().toString(), UUID.randomUUID().toString(), "SBX000000000124", "16")));
    }

    private static JsonNode schemaFile() throws Exception {
        assertTrue(Files.isRegularFile(CODING_SCHEMA), "coding-service has not published the schema of claims.encounter-coded.v1: "
                + CODING_SCHEMA.toAbsolutePath().normalize() + " is missing. This consumer contract cannot be checked until it exists.");
        return JSON.readTree(CODING_SCHEMA.toFile());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleEventsMatchCodingsEncounterCodedSchema(String name, EncounterCodedFixture sample) throws Exception {
        schemaFile();
        assertEquals(List.of(), List.copyOf(Schemas.validate(Schemas.fromFile(CODING_SCHEMA), JSON.readTree(sample.json()))),
                name + " does not match coding-service's schema");
    }

    @Test
    void producersSchemaLetsTheCorrectionThrough() throws Exception {
        JsonNode payload = schemaFile().at("/$defs/payload");
        boolean declared = payload.at("/properties/correction").isObject();
        boolean tolerated = !payload.path("additionalProperties").isBoolean() || payload.get("additionalProperties").asBoolean();
        assertTrue(declared || tolerated, "coding-service's schema forbids EncounterCoded.correction, which denial-service"
                + " needs to mark a denial CORRECTED (docs/events.md)");
    }

    @Test
    void rejectsASampleThatBreaksTheContract() throws Exception {
        // A control: a payload without its encounter id and a wrong event type must fail, or the check above proves nothing.
        schemaFile();
        JsonNode event = JSON.readTree(EncounterCodedFixture.firstCoding().json());
        ((ObjectNode) event.get("payload")).remove("encounterId");
        ((ObjectNode) event).put("eventType", "EncounterCodedd");
        String errors = Schemas.validate(Schemas.fromFile(CODING_SCHEMA), event).toString();
        assertTrue(errors.contains("encounterId") && errors.contains("eventType"), errors);
    }
}
