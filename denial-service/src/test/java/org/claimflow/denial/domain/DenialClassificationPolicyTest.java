package org.claimflow.denial.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenialClassificationPolicyTest {

    /** A few rows as seeded in V2, plus a group-specific one an operator might add. */
    private static final List<ReasonRule> RULES = List.of(
            rule("*", "96", null, DenialCategory.NON_COVERED, WorkQueue.BILLING),
            rule("*", "197", null, DenialCategory.AUTHORIZATION, WorkQueue.FRONT_DESK),
            rule("*", "27", null, DenialCategory.ELIGIBILITY, WorkQueue.FRONT_DESK),
            rule("*", "236", null, DenialCategory.CODING, WorkQueue.CODING),
            rule("*", "16", null, DenialCategory.MISSING_INFORMATION, WorkQueue.BILLING),
            rule("*", "16", "M76", DenialCategory.CODING, WorkQueue.CODING),
            rule("*", "18", null, DenialCategory.DUPLICATE, WorkQueue.BILLING),
            rule("CO", "18", null, DenialCategory.DUPLICATE, WorkQueue.FRONT_DESK));

    private static ReasonRule rule(String group, String carc, String rarc, DenialCategory category, WorkQueue queue) {
        return new ReasonRule(group, carc, rarc, category, "because " + carc, queue, false, false);
    }

    @ParameterizedTest(name = "{0}-{1} {2}: {3} → {4}")
    @CsvSource(nullValues = "-", value = {
            "CO, 96, N130, NON_COVERED, BILLING",
            "CO, 197, -, AUTHORIZATION, FRONT_DESK",
            "OA, 27, -, ELIGIBILITY, FRONT_DESK",
            "CO, 236, -, CODING, CODING",
            // CARC 16 is missing information, unless its remark says a code is wrong
            "CO, 16, N4, MISSING_INFORMATION, BILLING",
            "CO, 16, M76, CODING, CODING",
            // a row for the group wins over the row for any group
            "OA, 18, -, DUPLICATE, BILLING",
            "CO, 18, -, DUPLICATE, FRONT_DESK",
            // a reason without a row is read by a biller
            "CO, B7, -, OTHER, BILLING",
    })
    void classifiesByTheMostSpecificRow(String group, String carc, String remark, DenialCategory category, WorkQueue queue) {
        Classification c = DenialClassificationPolicy.classify(RULES, group, carc, remark == null ? List.of() : List.of(remark));
        assertEquals(category, c.category());
        assertEquals(queue, c.queue());
    }

    @Test
    void treatsAClaimDeniedWithoutAReasonAsOther() {
        assertEquals(DenialCategory.OTHER, DenialClassificationPolicy.classify(RULES, null, null, List.of()).category());
    }
}
