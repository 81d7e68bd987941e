package org.claimflow.sandbox.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagnosisSupportPolicyTest {

    private final DiagnosisSupportPolicy policy = new DiagnosisSupportPolicy(Map.of(
            "93000", List.of("I", "R00", "R07", "Z0181"),
            "71046", List.of("J", "R05")));

    @ParameterizedTest(name = "{0} pointed at [{1}] → {2}")
    @CsvSource(delimiter = '|', value = {
            "93000 | I10          | paid",
            "93000 | I48.91       | paid",
            "93000 | E119         | CO-11",
            "93000 | E119 J069    | CO-11",
            "93000 | E119 R0789   | paid",
            "93000 | Z01.810      | paid",
            "93000 | Z0100        | CO-11",
            "93000 |              | CO-11",
            "71046 | J189         | paid",
            "71046 | R0500        | paid",
            "71046 | I10          | CO-11",
            "99213 | E119         | paid",
            "99213 |              | paid",
    })
    void deniesALineWhoseDiagnosesDoNotSupportItsProcedure(String code, String diagnoses, String expected) {
        List<String> pointed = diagnoses == null ? List.of() : List.of(diagnoses.trim().split("\\s+"));
        ServiceLine line = new ServiceLine(1, code, List.of(), new BigDecimal("40.00"), BigDecimal.ONE,
                LocalDate.of(2026, 3, 10), null, "L1", pointed);

        Optional<String> denial = policy.denialReason(line);

        assertEquals(expected, denial.map(reason -> "CO-" + reason).orElse("paid"));
    }
}
