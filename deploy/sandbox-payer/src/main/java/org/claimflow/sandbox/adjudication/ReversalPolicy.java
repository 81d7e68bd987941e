package org.claimflow.sandbox.adjudication;

/**
 * Rule 5: a void or a replacement reverses the original adjudication: same payer claim control number,
 * CLP02 22, every amount negated so that the reversal balances like the original did.
 */
public final class ReversalPolicy {

    public ClaimAdjudication reverse(ClaimAdjudication original) {
        return new ClaimAdjudication(original.claim(), original.payerClaimControlNumber(), ClaimStatus.REVERSAL,
                original.lines().stream().map(LineAdjudication::negated).toList());
    }
}
