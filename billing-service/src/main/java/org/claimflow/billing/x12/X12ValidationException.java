package org.claimflow.billing.x12;

import java.util.List;

/**
 * A claim batch that would produce an invalid 837P: nothing was written. {@link #problems()} lists every
 * problem found (business checks first, then the StAEDI schema validation of the would-be output).
 */
public class X12ValidationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public X12ValidationException(List<String> problems) {
        super(problems.size() + " problem(s) in the claim batch: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
