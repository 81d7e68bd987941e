package org.claimflow.billing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Accounts-receivable age bands, in days since the date of service (not since submission: the date of
 * service is what timely filing and appeal deadlines count from, and it does not move when a claim is resent).
 */
public enum AgingBucket {
    DAYS_0_30(0, 30), DAYS_31_60(31, 60), DAYS_61_90(61, 90), DAYS_91_120(91, 120), DAYS_OVER_120(121, Long.MAX_VALUE);

    public final long fromDay;
    public final long toDay;

    AgingBucket(long fromDay, long toDay) {
        this.fromDay = fromDay;
        this.toDay = toDay;
    }

    /** The band of an amount whose service was on {@code dateOfService}, seen on {@code asOf}; empty for a future service. */
    public static Optional<AgingBucket> of(LocalDate dateOfService, LocalDate asOf) {
        long days = ChronoUnit.DAYS.between(dateOfService, asOf);
        for (AgingBucket bucket : values()) {
            if (days >= bucket.fromDay && days <= bucket.toDay) {
                return Optional.of(bucket);
            }
        }
        return Optional.empty();
    }
}
