package org.claimflow.denial.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.denial.support.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;

/**
 * Consumer contract: the ClaimAdjudicated events this service's tests publish must be events billing may
 * send, i.e. valid against billing-service's schema for claims.claim-adjudicated.v1 (read from the repo,
 * relative to this module, as the build runs tests from the module directory).
 */
class ClaimAdjudicatedContractTest {

    static final Path BILLING_SCHEMA = Path.of("../billing-service/src/main/resources/events/claims.claim-adjudicated.v1.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("paid office visit", ClaimAdjudicatedFixture.paidOfficeVisit()),
                Arguments.of("line denied CO-96 with remark", ClaimAdjudicatedFixture.lineDenied("CO", "96", "N130")),
                Arguments.of("line denied CO-197", ClaimAdjudicatedFixture.lineDenied("CO", "197")),
                Arguments.of("whole claim denied CO-27", ClaimAdjudicatedFixture.wholeClaimDenied("CO", "27", "162.00")),
                Arguments.of("reversal", ClaimAdjudicatedFixture.lineDenied("CO", "96").outcome("REVERSED")),
                Arguments.of("deductible only, Medicare", ClaimAdjudicatedFixture.paidOfficeVisit().payer("SANDBOX-MEDICARE")
                        .withLine("36415", "12.00", "0.00", List.of(), ClaimAdjudicatedFixture.adjustment("PR", "1", "12.00"))),
                Arguments.of("replacement (frequency 7) of a denied claim", ClaimAdjudicatedFixture.replacementOf(
                        ClaimAdjudicatedFixture.lineDenied("CO", "11", "M76"))
                        .withLine("71046", "250.00", "180.00", List.of(), ClaimAdjudicatedFixture.adjustment("CO", "45", "70.00"))));
    }

    /**
     * frequencyCode, replacesClaimId, memberId, patient and billingProvider are in docs/events.md; a billing
     * schema that does not declare them yet must at least let them through, and the samples above are checked
     * against their declared shape as soon as billing declares them.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"frequencyCode", "replacesClaimId", "memberId", "patient", "billingProvider"})
    void billingsSchemaLetsTheOptionalAdditionsThrough(String field) throws Exception {
        assertTrue(Files.isRegularFile(BILLING_SCHEMA), BILLING_SCHEMA + " is missing");
        var schema = JSON.readTree(BILLING_SCHEMA.toFile());
        var payload = schema.at("/properties/payload/$ref").isTextual()
                ? schema.at(schema.at("/properties/payload/$ref").asText().substring(1)) : schema.at("/properties/payload");
        boolean declared = payload.at("/properties/" + field).isObject();
        boolean tolerated = !payload.path("additionalProperties").isBoolean() || payload.get("additionalProperties").asBoolean();
        assertTrue(declared || tolerated, "billing's schema forbids ClaimAdjudicated." + field + " (docs/events.md)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleEventsMatchBillingsClaimAdjudicatedSchema(String name, ClaimAdjudicatedFixture sample) throws Exception {
        assertTrue(Files.isRegularFile(BILLING_SCHEMA), "billing-service has not published the schema of claims.claim-adjudicated.v1 yet: "
                + BILLING_SCHEMA.toAbsolutePath().normalize() + " is missing. This consumer contract cannot be checked until it exists.");
        JsonSchema schema = Schemas.fromFile(BILLING_SCHEMA);
        assertEquals(List.of(), List.copyOf(Schemas.validate(schema, JSON.readTree(sample.json()))),
                name + " does not match billing's schema");
    }

    @Test
    void rejectsASampleThatBreaksTheContract() throws Exception {
        // A control: money as a JSON number and an unknown outcome must fail, or the check above proves nothing.
        assertTrue(Files.isRegularFile(BILLING_SCHEMA), BILLING_SCHEMA + " is missing");
        ClaimAdjudicatedFixture broken = ClaimAdjudicatedFixture.lineDenied("CO", "96").outcome("MAYBE");
        var event = JSON.readTree(broken.json());
        ((ObjectNode) event.get("payload")).put("totalCharge", 412.0);
        String errors = Schemas.validate(Schemas.fromFile(BILLING_SCHEMA), event).toString();
        assertTrue(errors.contains("outcome") && errors.contains("totalCharge"), errors);
    }
}
