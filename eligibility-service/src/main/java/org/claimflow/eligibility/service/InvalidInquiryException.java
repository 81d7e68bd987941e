package org.claimflow.eligibility.service;

import java.util.List;

/**
 * The data given cannot make a valid 270 (e.g. an NPI whose check digit is wrong). Each problem names the
 * field of the request and the rule, never the value.
 */
public class InvalidInquiryException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidInquiryException(List<FieldProblem> problems) {
        super(problems.size() + " problem(s) make the eligibility inquiry invalid");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One line for a stored reason: the fields at fault. */
    public String summary() {
        return "The eligibility inquiry cannot be built: " + String.join("; ",
                problems.stream().map(p -> p.field() + " " + p.message()).toList()) + ".";
    }

    public record FieldProblem(String field, String message) {
    }
}
