package org.claimflow.eligibility.x12;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.claimflow.eligibility.x12.EligibilityInquiry.Provider;
import org.claimflow.eligibility.x12.EligibilityInquiry.Sex;

/** Inquiries for the writer tests. */
final class InquiryFixture {

    static final String MEMBER_ID = "M123456789";
    static final String NPI = "1234567893";

    private InquiryFixture() {
    }

    /** Ada Lovelace, member M123456789 of SANDBOX-PPO, seen on 2026-10-14 by an organization with NPI 1234567893. */
    static EligibilityInquiry.Builder adaLovelace() {
        return EligibilityInquiry.builder()
                .sender("CLAIMFLOW")
                .receiver("SANDBOX-PPO")
                .controlNumbers(101, 7, 1)
                .createdAt(LocalDateTime.of(2026, 10, 14, 9, 30))
                .trace("TRACE-0001", "9123456789")
                .payer("SANDBOX PPO", "SANDBOX-PPO")
                .provider(Provider.organization("CLAIMFLOW PRACTICE", NPI))
                .subscriber(MEMBER_ID, "LOVELACE", "ADA", LocalDate.of(1980, 2, 14), Sex.FEMALE)
                .dateOfService(LocalDate.of(2026, 10, 14));
    }
}
