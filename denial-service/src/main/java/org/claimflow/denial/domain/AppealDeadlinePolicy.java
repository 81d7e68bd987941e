package org.claimflow.denial.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The last day to appeal a denial: the payer's appeal window, counted from the day the provider received
 * the remittance. Medicare counts 120 days from receipt and presumes receipt 5 days after the notice date
 * (42 CFR 405.942); commercial payers count from the remittance date per their contract.
 */
public final class AppealDeadlinePolicy {

    private AppealDeadlinePolicy() {
    }

    public static LocalDate deadline(AppealTerms terms, LocalDate remittanceDate) {
        return remittanceDate.plusDays(terms.receiptPresumptionDays()).plusDays(terms.appealWindowDays());
    }

    /** Days from today to the deadline: 0 on the last day, negative once it has passed. */
    public static long daysLeft(LocalDate deadline, LocalDate today) {
        return ChronoUnit.DAYS.between(today, deadline);
    }

    public static boolean isPast(LocalDate deadline, LocalDate today) {
        return today.isAfter(deadline);
    }
}
