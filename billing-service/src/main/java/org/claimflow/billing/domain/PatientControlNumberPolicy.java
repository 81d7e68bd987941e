package org.claimflow.billing.domain;

import java.util.Locale;
import java.util.UUID;

/**
 * CLM01 (at most 20 characters in 005010X222A1) and REF*6R are derived from the claim id, so they are
 * unique without a counter and a remittance leads straight back to the claim and line.
 */
public final class PatientControlNumberPolicy {

    public static final int MAX_LENGTH = 20;

    private PatientControlNumberPolicy() {
    }

    /** "CF" + the first 18 hex digits of the claim id, upper case: 20 characters. */
    public static String patientControlNumber(UUID claimId) {
        return "CF" + claimId.toString().replace("-", "").substring(0, 18).toUpperCase(Locale.ROOT);
    }

    /** REF*6R of a line: the patient control number, a dash and the line number. */
    public static String lineItemControlNumber(String patientControlNumber, int lineNumber) {
        return patientControlNumber + "-" + lineNumber;
    }
}
