package org.claimflow.sandbox.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.claimflow.sandbox.adjudication.Claim;
import org.claimflow.sandbox.adjudication.ServiceLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimAcceptancePolicyTest {

    private final ClaimAcceptancePolicy policy = new ClaimAcceptancePolicy();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "clean claim accepted,                 1234567893, M123456789, 1, 150.00, true,  1, false, ''",
        "NPI failing the Luhn check,           1234567890, M123456789, 1, 150.00, true,  1, false, BILLING_PROVIDER_NPI",
        "NPI missing,                          '',         M123456789, 1, 150.00, true,  1, false, BILLING_PROVIDER_NPI",
        "member id missing,                    1234567893, '',         1, 150.00, true,  1, false, MEMBER_ID",
        "no service lines,                     1234567893, M123456789, 0, 0.00,   true,  1, false, NO_SERVICE_LINES",
        "total not the sum of the lines,       1234567893, M123456789, 1, 149.99, true,  1, false, OUT_OF_BALANCE",
        "total equal up to trailing zeros,     1234567893, M123456789, 1, 150,    true,  1, false, ''",
        "payer unknown,                        1234567893, M123456789, 1, 150.00, false, 1, false, UNKNOWN_PAYER",
        "void of nothing,                      1234567893, M123456789, 1, 150.00, true,  8, false, ORIGINAL_CLAIM_NOT_FOUND",
        "replacement of a known claim,         1234567893, M123456789, 1, 150.00, true,  7, true,  ''",
    })
    void rejectsAtTheFrontDoorForTheFirstFailingEdit(String rule, String npi, String memberId, int lines, String total,
            boolean payerKnown, String frequency, boolean originalReversible, String expected) {
        List<ServiceLine> serviceLines = lines == 0 ? List.of() : List.of(new ServiceLine(1, "99213", List.of(),
                new BigDecimal("150.00"), BigDecimal.ONE, LocalDate.of(2026, 3, 10), null, "L1"));
        Claim claim = new Claim("PCN1", "SANDBOX-PPO", memberId == null ? "" : memberId, new BigDecimal(total), "11",
                frequency, "SBX1", serviceLines);
        Optional<Rejection> rejection = policy.rejection(claim, npi == null ? "" : npi, payerKnown, originalReversible);
        assertEquals(expected == null ? "" : expected, rejection.map(Enum::name).orElse(""), rule);
    }
}
