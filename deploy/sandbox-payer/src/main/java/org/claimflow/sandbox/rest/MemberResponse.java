package org.claimflow.sandbox.rest;

import java.time.LocalDate;
import org.claimflow.sandbox.seed.Member;

/** A seed member (fictional test data). {@code coverageEnd} is null when coverage is open-ended. */
public record MemberResponse(String memberId, String payerId, String firstName, String lastName, LocalDate dateOfBirth,
        String sex, LocalDate coverageStart, LocalDate coverageEnd, String planName) {

    static MemberResponse of(Member m) {
        return new MemberResponse(m.memberId(), m.payerId(), m.firstName(), m.lastName(), m.dateOfBirth(), m.sex(),
                m.coverageStart(), m.coverageEndDate().orElse(null), m.plan().name());
    }
}
