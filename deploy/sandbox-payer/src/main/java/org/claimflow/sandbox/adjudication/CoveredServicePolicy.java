package org.claimflow.sandbox.adjudication;

import java.util.Optional;
import java.util.Set;

/**
 * Rule 2: codes the plans never cover are denied CO-96; codes that need a prior authorization are denied
 * CO-197 (the 837 carries no authorization yet, so they are always denied).
 */
public final class CoveredServicePolicy {

    private final Set<String> nonCoveredCodes;
    private final Set<String> priorAuthorizationCodes;

    public CoveredServicePolicy(Set<String> nonCoveredCodes, Set<String> priorAuthorizationCodes) {
        this.nonCoveredCodes = Set.copyOf(nonCoveredCodes);
        this.priorAuthorizationCodes = Set.copyOf(priorAuthorizationCodes);
    }

    public Optional<String> denialReason(String procedureCode) {
        if (nonCoveredCodes.contains(procedureCode)) {
            return Optional.of(Adjustment.NON_COVERED);
        }
        if (priorAuthorizationCodes.contains(procedureCode)) {
            return Optional.of(Adjustment.AUTHORIZATION_ABSENT);
        }
        return Optional.empty();
    }
}
