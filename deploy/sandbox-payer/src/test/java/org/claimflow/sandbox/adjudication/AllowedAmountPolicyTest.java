package org.claimflow.sandbox.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowedAmountPolicyTest {

    private final AllowedAmountPolicy policy = new AllowedAmountPolicy(Map.of(
            "99213", new BigDecimal("92.00"), "36415", new BigDecimal("3.00"), "80053", new BigDecimal("10.56"),
            "85025", new BigDecimal("7.77")), new BigDecimal("0.60"));

    @ParameterizedTest(name = "{0}: factor {1}, {2} x {3} charged {4} -> allowed {5}")
    @CsvSource({
        "fee schedule below charge, 1.00, 99213, 1, 150.00, 92.00",
        "charge below fee schedule caps allowed, 1.00, 99213, 1, 80.00, 80.00",
        "fee times units, 1.00, 36415, 3, 20.00, 9.00",
        "fee times units capped at charge, 1.00, 36415, 3, 5.00, 5.00",
        "two units of an office visit, 1.00, 99213, 2, 500.00, 184.00",
        "Medicare pays 5% less, 0.95, 99213, 1, 150.00, 87.40",
        "Medicare rounds the unit fee half up, 0.95, 80053, 1, 50.00, 10.03",
        "Medicare 85025 rounds half up, 0.95, 85025, 1, 50.00, 7.38",
        "unlisted code allowed 60% of charge, 1.00, 99499, 1, 100.00, 60.00",
        "unlisted code rounds half up, 1.00, 99499, 1, 100.01, 60.01",
        "unlisted code ignores units, 1.00, 99499, 4, 40.00, 24.00",
    })
    void allowsFeeScheduleTimesUnitsCappedAtCharge(String rule, String factor, String code, String units, String charge,
            String expected) {
        BigDecimal allowed = policy.allowed(new BigDecimal(factor), code, new BigDecimal(units), new BigDecimal(charge));
        assertEquals(new BigDecimal(expected), allowed, rule);
    }
}
