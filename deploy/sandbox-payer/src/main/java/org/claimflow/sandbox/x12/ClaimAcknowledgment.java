package org.claimflow.sandbox.x12;

import java.util.Optional;
import org.claimflow.sandbox.acceptance.Rejection;

/** The front-door outcome of one claim: accepted with a payer claim control number, or rejected with a reason. */
public record ClaimAcknowledgment(SubmittedClaim submitted, Optional<Rejection> rejection, String payerClaimControlNumber) {

    public static ClaimAcknowledgment accepted(SubmittedClaim submitted, String payerClaimControlNumber) {
        return new ClaimAcknowledgment(submitted, Optional.empty(), payerClaimControlNumber);
    }

    public static ClaimAcknowledgment rejected(SubmittedClaim submitted, Rejection rejection) {
        return new ClaimAcknowledgment(submitted, Optional.of(rejection), null);
    }

    public boolean isAccepted() {
        return rejection.isEmpty();
    }
}
