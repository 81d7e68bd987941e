package org.claimflow.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PatientControlNumberPolicyTest {

    @Test
    void derivesATwentyCharacterClm01FromTheClaimId() {
        UUID id = UUID.fromString("1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d");
        assertEquals("CF1A2B3C4D5E6F7A8B9C", PatientControlNumberPolicy.patientControlNumber(id));
    }

    @Test
    void givesEveryClaimItsOwnNumberAndEveryLineItsOwnRef6r() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String pcn = PatientControlNumberPolicy.patientControlNumber(UUID.randomUUID());
            assertTrue(pcn.length() <= PatientControlNumberPolicy.MAX_LENGTH);
            assertTrue(pcn.matches("CF[0-9A-F]{18}"), pcn);
            assertTrue(seen.add(pcn), "repeated " + pcn);
        }
        assertEquals("CF1A2B3C4D5E6F7A8B9C-12", PatientControlNumberPolicy.lineItemControlNumber("CF1A2B3C4D5E6F7A8B9C", 12));
    }
}
