package org.claimflow.billing.x12;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NpiTest {

    @ParameterizedTest
    @ValueSource(strings = {"1234567893", "1245319599", "1003000126"})
    void acceptsNpiWhoseLuhnCheckDigitOver80840Matches(String npi) {
        assertTrue(Npi.isValid(npi));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1234567890", "1245319598", "123456789", "12345678931", "12345678X3", " 234567893"})
    void rejectsAnythingElse(String npi) {
        assertFalse(Npi.isValid(npi));
    }
}
