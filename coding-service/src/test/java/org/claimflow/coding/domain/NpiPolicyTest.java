package org.claimflow.coding.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpiPolicyTest {

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource({
            // CMS's worked example and a second published valid NPI
            "1234567893, true",
            "1245319599, true",
            // one digit changed, check digit off by one, wrong length, letters
            "1234567894, false",
            "1245319590, false",
            "123456789, false",
            "12345678931, false",
            "12345678A3, false",
    })
    void checksTheLuhnDigitOverThe80840Prefix(String npi, boolean valid) {
        assertEquals(valid, NpiPolicy.isValid(npi));
    }
}
