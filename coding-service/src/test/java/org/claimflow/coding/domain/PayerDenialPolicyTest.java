package org.claimflow.coding.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PayerDenialPolicyTest {

    private static final UUID CLAIM = UUID.fromString("0b6f3c1e-4a0e-4f7e-9a57-6f1b2f1e9d01");

    private static PayerDenial denial(List<Integer> lines, List<PayerDenial.Reason> reasons, String pcn) {
        return new PayerDenial(UUID.randomUUID(), CLAIM, "SANDBOX-PPO", pcn, "CODING", "CO", List.of("11", "16"), reasons,
                List.of("M76"), lines, new BigDecimal("150.00"));
    }

    @Test
    void onlyTheCodingQueueReopensAnEncounter() {
        assertTrue(PayerDenialPolicy.reopens("CODING"));
        assertFalse(PayerDenialPolicy.reopens("BILLING"));
        assertFalse(PayerDenialPolicy.reopens("FRONT_DESK"));
        assertFalse(PayerDenialPolicy.reopens(null));
    }

    @Test
    void theFindingNamesClaimPayerNumberReasonsWithDescriptionsAndTheDeniedLines() {
        Finding f = PayerDenialPolicy.finding(denial(List.of(2), List.of(
                new PayerDenial.Reason("CO", "11", "The diagnosis is inconsistent with the procedure.")), "SBX000000000123"),
                List.of("99213", "15780"));
        assertEquals("PAYER_DENIAL", f.ruleId());
        assertTrue(f.holds());
        assertEquals(List.of(2), f.lineNumbers());
        assertEquals(List.of("15780"), f.codes());
        assertEquals("payer remittance SANDBOX-PPO", f.source());
        assertEquals("Payer SANDBOX-PPO denied line 2 (15780) of claim " + CLAIM + " (payer claim number SBX000000000123) "
                + "for a coding reason: CARC CO-11 (The diagnosis is inconsistent with the procedure.), CARC CO-16; "
                + "remark codes M76.", f.message());
        assertTrue(f.suggestedFix().contains("replacement claim (frequency 7, REF*F8 SBX000000000123)"), f.suggestedFix());
        assertTrue(f.suggestedFix().contains("override PAYER_DENIAL"), f.suggestedFix());
    }

    @Test
    void aClaimLevelDenialWithoutTheOptionalFieldsStillReadsForACoder() {
        Finding f = PayerDenialPolicy.finding(new PayerDenial(UUID.randomUUID(), CLAIM, "SANDBOX-PPO", null, "CODING", null,
                List.of("11"), null, null, List.of(), null), List.of("99213"));
        assertEquals(List.of(), f.lineNumbers());
        assertEquals(List.of(), f.codes());
        assertEquals("Payer SANDBOX-PPO denied claim " + CLAIM + " as a whole for a coding reason: CARC 11.", f.message());
    }

    @Test
    void aLineTheEncounterDoesNotHaveIsNamedWithoutACode() {
        Finding f = PayerDenialPolicy.finding(denial(List.of(7), List.of(), null), List.of("99213"));
        assertTrue(f.message().contains("denied line 7 of claim"), f.message());
        assertEquals(List.of(), f.codes());
    }
}
