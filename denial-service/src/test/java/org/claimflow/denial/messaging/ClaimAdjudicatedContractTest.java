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
                        .withLine("36415", "12.00", "0.00", List.of(), ClaimAdjudicatedFixture.adjustment("PR", "1", "12.00"))));
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
