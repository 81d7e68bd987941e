package org.claimflow.coding.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class OverridePolicyTest {

    private static Finding ptp(String message) {
        return Finding.error("NCCI_PTP", message, List.of("15780", "99213"), List.of(1, 2), "NCCI PTP practitioner 2024Q3", null);
    }

    @Test
    void icd10AndNpiRulesAreNeverOverridable() {
        for (String rule : List.of("ICD10_FORMAT", "ICD10_UNKNOWN", "ICD10_NOT_BILLABLE", "NPI_CHECK_DIGIT")) {
            assertTrue(OverridePolicy.ruleNeverOverridable(rule), rule);
        }
        assertFalse(OverridePolicy.ruleNeverOverridable("NCCI_PTP"));
        assertFalse(OverridePolicy.ruleNeverOverridable("NCCI_MUE"));
    }

    @Test
    void ptpWithModifierIndicator0IsNotOverridableButIndicator1Is() {
        assertFalse(OverridePolicy.overridable(ptp("… on the same date; modifier indicator 0, no modifier can bypass this edit.")));
        assertTrue(OverridePolicy.overridable(ptp("… on the same date without an NCCI-associated modifier.")));
    }

    @Test
    void anOverrideCoversFindingsOfItsRuleThatInvolveAllItsLines() {
        Finding f = ptp("x");
        assertTrue(OverridePolicy.covers("NCCI_PTP", List.of(), f));
        assertTrue(OverridePolicy.covers("NCCI_PTP", List.of(2), f));
        assertFalse(OverridePolicy.covers("NCCI_PTP", List.of(3), f));
        assertFalse(OverridePolicy.covers("NCCI_MUE", List.of(), f));
    }

    @Test
    void anOverriddenErrorNoLongerHoldsButAnIndicator0OneStillDoes() {
        EncounterOverride o = new EncounterOverride();
        o.ruleId = "NCCI_PTP";
        o.lines(List.of());
        assertFalse(OverridePolicy.stillHolds(ptp("x"), List.of(o)));
        assertTrue(OverridePolicy.stillHolds(ptp("x"), List.of()));
        assertTrue(OverridePolicy.stillHolds(ptp("modifier indicator 0, no modifier can bypass this edit"), List.of(o)));
    }
}
