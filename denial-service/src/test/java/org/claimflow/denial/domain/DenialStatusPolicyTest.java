package org.claimflow.denial.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DenialStatusPolicyTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "OPEN, IN_PROGRESS",
            "IN_PROGRESS, APPEALED",
            "APPEALED, WON",
            "APPEALED, LOST",
            "OPEN, CORRECTED",
            "IN_PROGRESS, CORRECTED",
            "OPEN, WRITTEN_OFF",
            "IN_PROGRESS, WRITTEN_OFF",
    })
    void allowsTheStepsOfWorkingADenial(DenialStatus from, DenialStatus to) {
        assertTrue(DenialStatusPolicy.allows(from, to));
    }

    @ParameterizedTest(name = "{0} ↛ {1}")
    @CsvSource({
            // an appeal must be worked (drafted) before it is submitted
            "OPEN, APPEALED",
            // the payer decides only on a submitted appeal
            "OPEN, WON",
            "IN_PROGRESS, LOST",
            // once appealed, the payer's decision is the only way out
            "APPEALED, WRITTEN_OFF",
            "APPEALED, CORRECTED",
            // no going back
            "IN_PROGRESS, OPEN",
            "APPEALED, IN_PROGRESS",
            "OPEN, OPEN",
    })
    void refusesStepsOutOfOrder(DenialStatus from, DenialStatus to) {
        assertFalse(DenialStatusPolicy.allows(from, to));
    }

    @ParameterizedTest
    @EnumSource(value = DenialStatus.class, names = {"CORRECTED", "WRITTEN_OFF", "WON", "LOST"})
    void keepsAClosedDenialClosed(DenialStatus closed) {
        assertTrue(closed.closed());
        for (DenialStatus to : DenialStatus.values()) {
            assertFalse(DenialStatusPolicy.allows(closed, to), closed + " → " + to);
        }
    }

    @Test
    void explainsARefusedStep() {
        InvalidTransitionException refused = assertThrows(InvalidTransitionException.class,
                () -> DenialStatusPolicy.check(DenialStatus.WRITTEN_OFF, DenialStatus.IN_PROGRESS));
        assertEquals("A denial WRITTEN_OFF cannot become IN_PROGRESS.", refused.getMessage());
    }

    @Test
    void appealsMedicareByRedeterminationAndCommercialPayersByTheirFirstLevel() {
        assertEquals(AppealLevel.REDETERMINATION, AppealLevel.firstFor(PayerKind.MEDICARE));
        assertEquals(AppealLevel.FIRST_LEVEL, AppealLevel.firstFor(PayerKind.COMMERCIAL));
    }
}
