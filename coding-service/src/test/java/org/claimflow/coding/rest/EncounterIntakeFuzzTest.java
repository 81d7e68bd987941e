package org.claimflow.coding.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.CharConversionException;
import java.io.IOException;
import java.util.Set;
import java.util.TimeZone;

import org.claimflow.coding.config.JacksonConfig;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

/**
 * Any body POSTed to /api/v1/encounters ends as a validated {@link EncounterRequest} or as an exception that
 * {@link ProblemExceptionMappers} answers with a 400 problem (a Jackson {@link JsonProcessingException}, a
 * {@link CharConversionException} for a body in a broken encoding, or constraint violations): never an exception the catch-all mapper turns into a 500, never a hang. A request
 * that passes is stored as JSON and read back when a coder corrects it (EncounterService), so its stored
 * form must read back, still valid, to the same stored form. Without JAZZER_FUZZ=1 this replays the seeds in
 * {@code EncounterIntakeFuzzTestInputs/}.
 */
class EncounterIntakeFuzzTest {

    /** The service's ObjectMapper, as Quarkus builds it (see {@link #serviceObjectMapper()}). */
    static final ObjectMapper MAPPER = serviceObjectMapper();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @FuzzTest(maxDuration = "3m")
    @Timeout(10)
    @DictionaryEntries({"\"practiceId\"", "\"externalId\"", "\"dateOfService\"", "\"placeOfService\"", "\"patient\"",
            "\"firstName\"", "\"lastName\"", "\"dateOfBirth\"", "\"sex\"", "\"address\"", "\"line1\"", "\"line2\"",
            "\"city\"", "\"state\"", "\"postalCode\"", "\"coverage\"", "\"payerId\"", "\"memberId\"",
            "\"relationship\"", "\"billingProvider\"", "\"npi\"", "\"taxId\"", "\"name\"", "\"renderingProvider\"",
            "\"diagnoses\"", "\"serviceLines\"", "\"procedureCode\"", "\"modifiers\"", "\"units\"",
            "\"diagnosisPointers\"", "\"chargeAmount\"", "\"2026-10-14\"", "\"1980-02-14\"", "\"150.00\"", "1e400",
            "-0", "null", "true", "[]", "{}", "\"self\"", "\"1234567893\""})
    void anyBodyIsAcceptedOrAnswered400(byte[] body) throws JsonProcessingException {
        EncounterRequest request;
        try {
            request = MAPPER.readValue(body, EncounterRequest.class);
        } catch (JsonProcessingException | CharConversionException e) {
            return; // ProblemExceptionMappers: unknownField, wrongType or unreadable, all 400
        } catch (IOException e) {
            throw new AssertionError("an exception no mapper answers with 400", e);
        }
        if (request == null) {
            return; // a JSON null: @NotNull on the resource parameter, a 400 validation problem
        }
        Set<ConstraintViolation<EncounterRequest>> violations = VALIDATOR.validate(request);
        if (!violations.isEmpty()) {
            for (ConstraintViolation<EncounterRequest> violation : violations) {
                assertNotNull(violation.getPropertyPath(), "a violation names its field");
                assertNotNull(violation.getMessage(), "a violation says why");
            }
            return;
        }
        assertFalse(request.serviceLines().isEmpty(), "a valid encounter has service lines");
        String stored = MAPPER.writeValueAsString(request);
        EncounterRequest readBack = MAPPER.readValue(stored, EncounterRequest.class);
        assertTrue(VALIDATOR.validate(readBack).isEmpty(), "the stored request is still valid");
        assertEquals(stored, MAPPER.writeValueAsString(readBack), "the stored form reads back to itself");
    }

    /**
     * What Quarkus's ObjectMapperProducer builds for this service: a plain ObjectMapper, the settings of
     * application.properties (quarkus.jackson.fail-on-unknown-properties=true keeps Jackson's default,
     * write-dates-as-timestamps=false), Quarkus's default time zone (UTC), the modules Quarkus registers, then the service's own {@link JacksonConfig}. EncounterResourceTest checks it against the
     * mapper the running service injects.
     */
    static ObjectMapper serviceObjectMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.setTimeZone(TimeZone.getTimeZone("UTC"));
        mapper.registerModules(new Jdk8Module(), new JavaTimeModule(), new ParameterNamesModule());
        new JacksonConfig().customize(mapper);
        return mapper;
    }
}
