package org.claimflow.billing.x12;

import java.time.LocalDate;

/**
 * Loop 2000C/2010CA: the patient when not the subscriber. {@code relationshipCode} is PAT01, the patient's
 * relationship to the subscriber: 01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver
 * donor, 53 life partner, G8 other. {@link #toString()} hides everything: it is patient data.
 */
public record Patient(PersonName name, LocalDate birthDate, Sex sex, Address address, String relationshipCode) {

    @Override
    public String toString() {
        return "Patient[redacted]";
    }
}
