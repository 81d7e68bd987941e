package org.claimflow.eligibility.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What eligibility-service reads of billing's {@code claims.claim-assembled.v1}: who is covered by whom,
 * for which date, and the charge to estimate the patient's share on. Other fields are ignored.
 */
public record ClaimAssembledEvent(
        UUID claimId,
        UUID encounterId,
        String payerId,
        String memberId,
        String relationship,
        Subscriber subscriber,
        String billingProviderNpi,
        LocalDate dateOfService,
        BigDecimal totalCharge) {

    public record Subscriber(String firstName, String lastName, LocalDate dateOfBirth, String sex) {

        /** Leaves out the patient data. */
        @Override
        public String toString() {
            return "Subscriber[***]";
        }
    }
}
