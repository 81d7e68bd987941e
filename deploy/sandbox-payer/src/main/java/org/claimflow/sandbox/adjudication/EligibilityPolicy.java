package org.claimflow.sandbox.adjudication;

import java.time.LocalDate;
import java.util.Optional;
import org.claimflow.sandbox.seed.Member;

/**
 * Rule 1: a member the payer does not know gets every line denied CO-31; a line whose date of service
 * falls outside the member's coverage is denied CO-27.
 */
public final class EligibilityPolicy {

    /** @return the denial reason for the line, empty when the member is covered on that date */
    public Optional<String> denialReason(Optional<Member> member, LocalDate dateOfService) {
        if (member.isEmpty()) {
            return Optional.of(Adjustment.PATIENT_NOT_IDENTIFIED);
        }
        if (!member.get().coveredOn(dateOfService)) {
            return Optional.of(Adjustment.EXPENSES_AFTER_COVERAGE_TERMINATED);
        }
        return Optional.empty();
    }
}
