package org.claimflow.sandbox.seed;

import java.time.LocalDate;
import java.util.Optional;

/** A subscriber of a sandbox payer. A null {@code coverageEnd} in the seed means open-ended. */
public record Member(String memberId, String payerId, String firstName, String lastName, LocalDate dateOfBirth,
        String sex, LocalDate coverageStart, LocalDate coverageEnd, Plan plan) {

    /** Stands for "no end date" so that date comparisons need no special case. */
    public static final LocalDate OPEN_ENDED = LocalDate.of(9999, 12, 31);

    public Member {
        coverageEnd = coverageEnd == null ? OPEN_ENDED : coverageEnd;
    }

    public boolean coveredOn(LocalDate date) {
        return !date.isBefore(coverageStart) && !date.isAfter(coverageEnd);
    }

    public Optional<LocalDate> coverageEndDate() {
        return OPEN_ENDED.equals(coverageEnd) ? Optional.empty() : Optional.of(coverageEnd);
    }
}
