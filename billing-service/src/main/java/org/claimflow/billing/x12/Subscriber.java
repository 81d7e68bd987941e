package org.claimflow.billing.x12;

import java.time.LocalDate;

/**
 * Loop 2000B/2010BA: the insured member. Birth date, sex and address are required when the subscriber is
 * the patient (the claim has no {@link Patient}); they are written only then (SBR02 = 18, self).
 * {@link #toString()} hides everything but the fact that it is a subscriber: it is patient data.
 */
public record Subscriber(String memberId, PersonName name, LocalDate birthDate, Sex sex, Address address) {

    @Override
    public String toString() {
        return "Subscriber[redacted]";
    }
}
