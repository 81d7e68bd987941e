package org.claimflow.sandbox.adjudication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One service line of a claim as submitted.
 *
 * @param lineItemControlNumber REF*6R of the 837 line, echoed in the 835 so that billing can match lines
 */
public record ServiceLine(int number, String procedureCode, List<String> modifiers, BigDecimal charge,
        BigDecimal units, LocalDate serviceDate, LocalDate serviceDateEnd, String lineItemControlNumber) {

    public ServiceLine {
        modifiers = List.copyOf(modifiers);
        serviceDateEnd = serviceDateEnd == null ? serviceDate : serviceDateEnd;
    }
}
