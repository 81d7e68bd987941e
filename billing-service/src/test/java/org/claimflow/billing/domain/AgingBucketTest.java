package org.claimflow.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgingBucketTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    @ParameterizedTest(name = "{0} days after the service -> {1}")
    @CsvSource({
            "0, DAYS_0_30", "30, DAYS_0_30", "31, DAYS_31_60", "60, DAYS_31_60", "61, DAYS_61_90", "90, DAYS_61_90",
            "91, DAYS_91_120", "120, DAYS_91_120", "121, DAYS_OVER_120", "2000, DAYS_OVER_120"})
    void putsAnAmountInTheBandOfItsDaysSinceTheDateOfService(int days, AgingBucket expected) {
        assertEquals(Optional.of(expected), AgingBucket.of(AS_OF.minusDays(days), AS_OF));
    }

    @ParameterizedTest
    @CsvSource({"1", "30"})
    void leavesAServiceAfterTheAgingDateOutOfEveryBand(int daysAhead) {
        assertEquals(Optional.empty(), AgingBucket.of(AS_OF.plusDays(daysAhead), AS_OF));
    }
}
