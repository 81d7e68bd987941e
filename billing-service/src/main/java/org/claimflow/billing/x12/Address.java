package org.claimflow.billing.x12;

/** A US postal address (N3/N4): line2 may be null; postal code is 5 or 9 digits. */
public record Address(String line1, String line2, String city, String state, String postalCode) {

    @Override
    public String toString() {
        // Street addresses of patients and subscribers are protected health information.
        return "Address[redacted]";
    }
}
