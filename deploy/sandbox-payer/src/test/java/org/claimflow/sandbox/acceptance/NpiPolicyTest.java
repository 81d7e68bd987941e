package org.claimflow.sandbox.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpiPolicyTest {

    private final NpiPolicy policy = new NpiPolicy();

    @ParameterizedTest(name = "''{0}'' valid: {1}")
    @CsvSource({
        "1234567893, true",
        "1245319599, true",
        "1234567890, false",
        "123456789, false",
        "12345678930, false",
        "123456789A, false",
        "'', false",
    })
    void acceptsTenDigitsWithLuhnCheckDigitOverPrefix80840(String npi, boolean valid) {
        assertEquals(valid, policy.isValid(npi));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = "NULL")
    void rejectsMissingNpi(String npi) {
        assertEquals(false, policy.isValid(npi));
    }
}
