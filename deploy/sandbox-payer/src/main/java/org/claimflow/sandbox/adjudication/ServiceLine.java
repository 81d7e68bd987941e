package org.claimflow.sandbox.adjudication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One service line of a claim as submitted.
 *
 * @param lineItemControlNumber REF*6R of the 837 line, echoed in the 835 so that billing can match lines
 * @param diagnoses             the ICD-10-CM codes (without the dot, as in HI) its SV107 pointers name, in pointer order
 */
public record ServiceLine(int number, String procedureCode, List<String> modifiers, BigDecimal charge,
        BigDecimal units, LocalDate serviceDate, LocalDate serviceDateEnd, String lineItemControlNumber,
        List<String> diagnoses) {

    public ServiceLine {
        modifiers = List.copyOf(modifiers);
        serviceDateEnd = serviceDateEnd == null ? serviceDate : serviceDateEnd;
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
    }

    /** A line whose diagnosis pointers the payer does not look at. */
    public ServiceLine(int number, String procedureCode, List<String> modifiers, BigDecimal charge,
            BigDecimal units, LocalDate serviceDate, LocalDate serviceDateEnd, String lineItemControlNumber) {
        this(number, procedureCode, modifiers, charge, units, serviceDate, serviceDateEnd, lineItemControlNumber, List.of());
    }
}
