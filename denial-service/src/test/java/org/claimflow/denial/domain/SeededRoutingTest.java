package org.claimflow.denial.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The shipped data, not a hand-made table: every category routed from the classification rows Flyway seeds
 * (V2) with real CARC/RARC pairs, and appeal deadlines from the seeded payer terms. The policies' own
 * edge cases are in the *PolicyTest unit tests.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class SeededRoutingTest {

    @ParameterizedTest(name = "{0}-{1} {2}: {3} → {4}")
    @CsvSource(nullValues = "-", value = {
            // eligibility and authorization: the front desk fixes coverage and authorizations
            "CO, 27, -, ELIGIBILITY, FRONT_DESK, false, true",
            "CO, 31, -, ELIGIBILITY, FRONT_DESK, false, true",
            "CO, 109, -, ELIGIBILITY, FRONT_DESK, false, true",
            "CO, 15, -, AUTHORIZATION, FRONT_DESK, false, true",
            "CO, 197, N54, AUTHORIZATION, FRONT_DESK, true, false",
            // coding: back to the coders, usually by a corrected claim
            "CO, 11, -, CODING, CODING, false, true",
            "CO, 4, N519, CODING, CODING, false, true",
            "CO, 97, M15, CODING, CODING, false, true",
            "CO, 236, -, CODING, CODING, false, true",
            "CO, 151, -, CODING, CODING, true, true",
            "CO, 16, M76, CODING, CODING, false, true",
            "CO, 16, M51, CODING, CODING, false, true",
            // the rest goes to billers
            "CO, 16, N290, MISSING_INFORMATION, BILLING, false, true",
            "CO, 252, N706, MISSING_INFORMATION, BILLING, false, true",
            "CO, 50, N115, MEDICAL_NECESSITY, BILLING, true, false",
            "CO, 29, -, TIMELY_FILING, BILLING, true, false",
            "OA, 18, -, DUPLICATE, BILLING, false, true",
            "OA, B13, -, DUPLICATE, BILLING, false, false",
            "OA, 22, MA04, COORDINATION_OF_BENEFITS, BILLING, false, true",
            "OA, 23, -, COORDINATION_OF_BENEFITS, BILLING, false, true",
            "CO, 96, N130, NON_COVERED, BILLING, true, false",
            "PI, 204, -, NON_COVERED, BILLING, true, false",
            "CO, 119, -, BENEFIT_MAXIMUM, BILLING, false, false",
            "CO, 8, -, OTHER, BILLING, false, false",
            "CO, B7, -, OTHER, BILLING, false, false",
    })
    void routesEachCategoryFromTheSeededTable(String group, String carc, String rarc, DenialCategory category, WorkQueue queue,
                                              boolean appealable, boolean correctable) {
        Classification c = QuarkusTransaction.requiringNew().call(() -> DenialClassificationPolicy.classify(
                DenialReasonMapping.rulesFor(Set.of(carc)), group, carc, rarc == null ? List.of() : List.of(rarc)));
        assertEquals(category, c.category());
        assertEquals(queue, c.queue());
        assertEquals(appealable, c.appealable(), "appealable");
        assertEquals(correctable, c.correctable(), "correctable");
    }

    @ParameterizedTest(name = "{0} remitted {1}: appeal by {2}")
    @CsvSource({
            // Medicare: receipt presumed 5 days after the notice, then 120 days (2026-10-25 + 120)
            "SANDBOX-MEDICARE, 2026-10-20, 2027-02-22",
            // the 5-day presumption crosses the month end: 2027-01-31 received 2027-02-05, + 120 days
            "SANDBOX-MEDICARE, 2027-01-31, 2027-06-05",
            // commercial contract: 180 days from the remittance date, no receipt presumption
            "SANDBOX-PPO, 2026-10-20, 2027-04-18",
            // a payer without its own row: the default commercial terms
            "ACME-HEALTH, 2026-10-20, 2027-04-18",
    })
    void givesEachSeededPayerItsDeadline(String payerId, LocalDate remitted, LocalDate deadline) {
        AppealTerms terms = QuarkusTransaction.requiringNew().call(() -> PayerAppealTerms.forPayer(payerId));
        assertEquals(deadline, AppealDeadlinePolicy.deadline(terms, remitted));
    }
}
