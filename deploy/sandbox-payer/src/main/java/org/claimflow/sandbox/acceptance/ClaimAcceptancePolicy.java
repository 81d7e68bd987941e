package org.claimflow.sandbox.acceptance;

import java.math.BigDecimal;
import java.util.Optional;
import org.claimflow.sandbox.adjudication.Claim;
import org.claimflow.sandbox.adjudication.Money;
import org.claimflow.sandbox.adjudication.ServiceLine;

/**
 * Front-door edits of the clearinghouse, checked in this order; the first that fails rejects the claim:
 * billing provider NPI, member id, at least one service line, claim total equal to the sum of the line
 * charges, a known payer, and for a replacement or void an original claim to reverse.
 */
public final class ClaimAcceptancePolicy {

    private final NpiPolicy npi = new NpiPolicy();

    /**
     * @param payerKnown         the payer id names a sandbox payer
     * @param originalReversible for a replacement or void: REF*F8 names a claim of this payer not reversed yet
     */
    public Optional<Rejection> rejection(Claim claim, String billingProviderNpi, boolean payerKnown,
            boolean originalReversible) {
        if (!npi.isValid(billingProviderNpi)) {
            return Optional.of(Rejection.BILLING_PROVIDER_NPI);
        }
        if (claim.memberId() == null || claim.memberId().isBlank()) {
            return Optional.of(Rejection.MEMBER_ID);
        }
        if (claim.lines().isEmpty()) {
            return Optional.of(Rejection.NO_SERVICE_LINES);
        }
        BigDecimal lineTotal = Money.sum(claim.lines(), ServiceLine::charge);
        if (claim.totalCharge() == null || claim.totalCharge().compareTo(lineTotal) != 0) {
            return Optional.of(Rejection.OUT_OF_BALANCE);
        }
        if (!payerKnown) {
            return Optional.of(Rejection.UNKNOWN_PAYER);
        }
        if ((claim.isVoid() || claim.isReplacement()) && !originalReversible) {
            return Optional.of(Rejection.ORIGINAL_CLAIM_NOT_FOUND);
        }
        return Optional.empty();
    }
}
