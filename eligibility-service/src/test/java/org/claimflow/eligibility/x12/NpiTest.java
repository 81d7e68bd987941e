package org.claimflow.eligibility.x12;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NpiTest {

    @Test
    void acceptsNpiWhoseCheckDigitMatchesLuhnOver80840Prefix() {
        assertTrue(Npi.isValid("1234567893"));
        assertTrue(Npi.isValid("1245319599"));
    }

    @Test
    void rejectsWrongCheckDigitLengthOrCharacters() {
        assertFalse(Npi.isValid("1234567890"));
        assertFalse(Npi.isValid("123456789"));
        assertFalse(Npi.isValid("12345678930"));
        assertFalse(Npi.isValid("12345678A3"));
        assertFalse(Npi.isValid(null));
    }
}
