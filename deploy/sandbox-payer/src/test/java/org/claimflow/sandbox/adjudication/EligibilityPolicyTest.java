package org.claimflow.sandbox.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.claimflow.sandbox.seed.Member;
import org.claimflow.sandbox.seed.Plan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EligibilityPolicyTest {

    private static final Plan PLAN = new Plan("p", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null);
    private static final Map<String, Member> MEMBERS = Map.of(
            "ada", member("2026-01-01", "2026-12-31"),
            "grace", member("2025-01-01", "2025-12-31"),
            "katherine", member("2020-01-01", null));

    private final EligibilityPolicy policy = new EligibilityPolicy();

    @ParameterizedTest(name = "{0} on {1} -> ''{2}''")
    @CsvSource({
        "unknown,   2026-03-10, 31",
        "ada,       2026-03-10, ''",
        "ada,       2026-01-01, ''",
        "ada,       2026-12-31, ''",
        "ada,       2027-01-01, 27",
        "ada,       2025-12-31, 27",
        "grace,     2026-03-10, 27",
        "grace,     2025-06-01, ''",
        "katherine, 2040-01-01, ''",
        "katherine, 2019-12-31, 27",
    })
    void deniesUnknownMembersAndDatesOutsideCoverage(String member, LocalDate date, String expectedReason) {
        Optional<String> reason = policy.denialReason(Optional.ofNullable(MEMBERS.get(member)), date);
        assertEquals(expectedReason == null ? "" : expectedReason, reason.orElse(""));
    }

    private static Member member(String start, String end) {
        return new Member("M", "SANDBOX-PPO", "F", "L", LocalDate.of(1980, 1, 1), "F", LocalDate.parse(start),
                end == null ? null : LocalDate.parse(end), PLAN);
    }
}
