package org.claimflow.billing.x12;

/**
 * A person's name (last, first, middle; first and middle may be null). Names of patients and subscribers are
 * protected health information: {@link #toString()} hides the name, so logging a record that holds one does
 * not leak it. Read the fields explicitly where they are needed.
 */
public record PersonName(String lastName, String firstName, String middleName) {

    public static PersonName of(String lastName, String firstName) {
        return new PersonName(lastName, firstName, null);
    }

    @Override
    public String toString() {
        return "PersonName[redacted]";
    }
}
