package org.claimflow.sandbox.eligibility;

import java.time.LocalDate;
import java.util.Optional;
import org.claimflow.sandbox.seed.Member;

/**
 * Matches a 270 subscriber against the payer's members: the member id must exist for that payer; last
 * name, first name and date of birth, when sent, must match (names ignoring case); then coverage is
 * checked on the date of service.
 */
public final class MemberMatchPolicy {

    public EligibilityOutcome outcome(Optional<Member> member, String lastName, String firstName, LocalDate birthDate,
            LocalDate dateOfService) {
        if (member.isEmpty()) {
            return EligibilityOutcome.UNKNOWN_MEMBER;
        }
        Member m = member.get();
        boolean nameMismatch = mismatch(lastName, m.lastName()) || mismatch(firstName, m.firstName());
        boolean birthDateMismatch = birthDate != null && !birthDate.equals(m.dateOfBirth());
        if (nameMismatch || birthDateMismatch) {
            return EligibilityOutcome.DEMOGRAPHICS_MISMATCH;
        }
        return m.coveredOn(dateOfService) ? EligibilityOutcome.ACTIVE : EligibilityOutcome.INACTIVE;
    }

    private static boolean mismatch(String sent, String known) {
        return sent != null && !sent.isBlank() && !sent.trim().equalsIgnoreCase(known);
    }
}
