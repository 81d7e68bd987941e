package org.claimflow.sandbox.adjudication;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What the payer has adjudicated, by payer claim control number, so that voids and replacements can reverse it. */
@ApplicationScoped
public class AdjudicationLedger {

    private final Map<String, ClaimAdjudication> active = new ConcurrentHashMap<>();

    public void record(ClaimAdjudication adjudication) {
        active.put(adjudication.payerClaimControlNumber(), adjudication);
    }

    /** The adjudication a void or replacement may reverse: same payer, not reversed yet. */
    public Optional<ClaimAdjudication> reversible(String payerClaimControlNumber, String payerId) {
        return Optional.ofNullable(active.get(payerClaimControlNumber))
                .filter(a -> a.claim().payerId().equals(payerId));
    }

    public void markReversed(String payerClaimControlNumber) {
        active.remove(payerClaimControlNumber);
    }
}
