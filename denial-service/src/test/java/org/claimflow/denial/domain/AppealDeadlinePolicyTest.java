package org.claimflow.denial.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppealDeadlinePolicyTest {

    private static final AppealTerms MEDICARE = new AppealTerms("SANDBOX-MEDICARE", PayerKind.MEDICARE, 120, 5, 365);
    private static final AppealTerms COMMERCIAL = new AppealTerms("SANDBOX-PPO", PayerKind.COMMERCIAL, 180, 0, 180);

    @ParameterizedTest(name = "remitted {0}: last day {1}")
    @CsvSource({
            // 2026-10-20 + 5 days presumed receipt = 2026-10-25, + 120 days
            "2026-10-20, 2027-02-22",
            // receipt presumed across a year end and February of a leap year
            "2027-12-30, 2028-05-03",
    })
    void givesMedicare120DaysFromReceiptPresumedFiveDaysAfterTheRemittance(LocalDate remitted, LocalDate deadline) {
        assertEquals(deadline, AppealDeadlinePolicy.deadline(MEDICARE, remitted));
    }

    @ParameterizedTest(name = "remitted {0}: last day {1}")
    @CsvSource({
            "2026-10-20, 2027-04-18",
            "2027-12-01, 2028-05-29",
    })
    void givesACommercialPayerItsContractWindowFromTheRemittanceDate(LocalDate remitted, LocalDate deadline) {
        assertEquals(deadline, AppealDeadlinePolicy.deadline(COMMERCIAL, remitted));
    }

    @Test
    void fallsBackToTheCommonCommercial180Days() {
        assertEquals(LocalDate.of(2027, 4, 18), AppealDeadlinePolicy.deadline(AppealTerms.FALLBACK, LocalDate.of(2026, 10, 20)));
    }

    @Test
    void countsDaysLeftToZeroOnTheLastDayAndBelowAfterIt() {
        LocalDate deadline = LocalDate.of(2027, 2, 22);
        assertEquals(10, AppealDeadlinePolicy.daysLeft(deadline, LocalDate.of(2027, 2, 12)));
        assertEquals(0, AppealDeadlinePolicy.daysLeft(deadline, deadline));
        assertFalse(AppealDeadlinePolicy.isPast(deadline, deadline));
        assertEquals(-1, AppealDeadlinePolicy.daysLeft(deadline, LocalDate.of(2027, 2, 23)));
        assertTrue(AppealDeadlinePolicy.isPast(deadline, LocalDate.of(2027, 2, 23)));
    }
}
