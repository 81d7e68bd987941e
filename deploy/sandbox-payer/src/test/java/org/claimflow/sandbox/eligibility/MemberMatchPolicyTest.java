package org.claimflow.sandbox.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.claimflow.sandbox.seed.Member;
import org.claimflow.sandbox.seed.Plan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberMatchPolicyTest {

    private static final Member ADA = new Member("M123456789", "SANDBOX-PPO", "Ada", "Lovelace",
            LocalDate.of(1980, 2, 14), "F", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
            new Plan("Gold", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null));

    private final MemberMatchPolicy policy = new MemberMatchPolicy();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "exact match in coverage,         true,  LOVELACE, ADA,    1980-02-14, 2026-03-10, ACTIVE",
        "names ignore case,               true,  lovelace, Ada,    1980-02-14, 2026-03-10, ACTIVE",
        "no name or birth date sent,      true,  '',       '',     ,           2026-03-10, ACTIVE",
        "outside coverage,                true,  LOVELACE, ADA,    1980-02-14, 2027-01-02, INACTIVE",
        "last name differs,               true,  BYRON,    ADA,    1980-02-14, 2026-03-10, DEMOGRAPHICS_MISMATCH",
        "first name differs,              true,  LOVELACE, AUGUSTA,1980-02-14, 2026-03-10, DEMOGRAPHICS_MISMATCH",
        "birth date differs,              true,  LOVELACE, ADA,    1980-02-15, 2026-03-10, DEMOGRAPHICS_MISMATCH",
        "unknown member id,               false, LOVELACE, ADA,    1980-02-14, 2026-03-10, UNKNOWN_MEMBER",
    })
    void matchesMemberThenChecksCoverage(String rule, boolean known, String last, String first, LocalDate birthDate,
            LocalDate dateOfService, EligibilityOutcome expected) {
        assertEquals(expected, policy.outcome(known ? Optional.of(ADA) : Optional.empty(), last, first, birthDate,
                dateOfService), rule);
    }
}
