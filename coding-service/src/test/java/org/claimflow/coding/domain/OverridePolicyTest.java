package org.claimflow.coding.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class OverridePolicyTest {

    private static Finding ptp(String modifierIndicator) {
        return new Finding("NCCI_PTP", Severity.ERROR, "15780/99213 PTP edit", List.of("15780", "99213"), List.of(1, 2),
                "NCCI PTP practitioner 2024Q3", null, modifierIndicator);
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
        assertFalse(OverridePolicy.overridable(ptp("0")));
        assertTrue(OverridePolicy.overridable(ptp("1")));
    }

    @Test
    void theDecisionReadsTheIndicatorFieldNotTheMessageText() {
        Finding wordedLikeIndicator0 = new Finding("NCCI_PTP", Severity.ERROR,
                "modifier indicator 0, no modifier can bypass this edit", List.of(), List.of(1, 2), "", null, "1");
        assertTrue(OverridePolicy.overridable(wordedLikeIndicator0));
        Finding silentIndicator0 = new Finding("NCCI_PTP", Severity.ERROR, "", List.of(), List.of(1, 2), "", null, "0");
        assertFalse(OverridePolicy.overridable(silentIndicator0));
    }

    @Test
    void anOverrideCoversFindingsOfItsRuleThatInvolveAllItsLines() {
        Finding f = ptp("1");
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
        assertFalse(OverridePolicy.stillHolds(ptp("1"), List.of(o)));
        assertTrue(OverridePolicy.stillHolds(ptp("1"), List.of()));
        assertTrue(OverridePolicy.stillHolds(ptp("0"), List.of(o)));
    }
}
