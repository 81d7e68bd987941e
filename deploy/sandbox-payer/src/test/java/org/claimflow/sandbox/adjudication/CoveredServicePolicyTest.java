package org.claimflow.sandbox.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoveredServicePolicyTest {

    private final CoveredServicePolicy policy = new CoveredServicePolicy(Set.of("15780", "15781", "69300"),
            Set.of("70551", "70553", "72148"));

    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource({
        "15780, 96",
        "15781, 96",
        "69300, 96",
        "70551, 197",
        "70553, 197",
        "72148, 197",
        "99213, ''",
        "G0439, ''",
    })
    void deniesNonCoveredCodesAndCodesWithoutAuthorization(String code, String expected) {
        assertEquals(expected == null ? "" : expected, policy.denialReason(code).orElse(""));
    }
}
