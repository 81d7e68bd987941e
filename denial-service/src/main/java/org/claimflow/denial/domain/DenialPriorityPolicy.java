package org.claimflow.denial.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Which denial to work first (DOMAIN.md): recoverable dollars × urgency of the deadline. Urgency is
 * {@code 1 + 30 / max(daysLeft, 1)}: about 1 for a deadline months away, 2 a month before it, 31 on the
 * last day. A denial past its deadline keeps the top urgency and is flagged, so a person decides what is
 * still recoverable instead of the queue quietly burying it.
 */
public final class DenialPriorityPolicy {

    private static final BigDecimal URGENCY_HORIZON_DAYS = BigDecimal.valueOf(30);

    private DenialPriorityPolicy() {
    }

    public static BigDecimal priority(BigDecimal amount, LocalDate deadline, LocalDate today) {
        return amount.multiply(urgency(deadline, today)).setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal urgency(LocalDate deadline, LocalDate today) {
        long daysLeft = Math.max(AppealDeadlinePolicy.daysLeft(deadline, today), 1);
        return BigDecimal.ONE.add(URGENCY_HORIZON_DAYS.divide(BigDecimal.valueOf(daysLeft), 6, RoundingMode.HALF_UP));
    }
}
