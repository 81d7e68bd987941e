package org.claimflow.billing.service;

import java.util.List;

/** An 835 whose amounts do not add up: refused whole, nothing posted (422 /problems/unbalanced-remittance). */
public class UnbalancedRemittanceException extends RuntimeException {

    private final List<String> violations;

    public UnbalancedRemittanceException(List<String> violations) {
        super(violations.size() + " balancing rule(s) do not hold");
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
