package org.claimflow.eligibility.x12;

import java.util.List;

/**
 * An X12 document could not be written because its input is invalid. Each problem names the field or
 * the segment and element at fault, never the value: the values are patient data.
 */
public class X12ValidationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public X12ValidationException(List<String> problems) {
        super(problems.size() == 1
                ? "Invalid eligibility inquiry: " + problems.get(0)
                : "Invalid eligibility inquiry (" + problems.size() + " problems): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
