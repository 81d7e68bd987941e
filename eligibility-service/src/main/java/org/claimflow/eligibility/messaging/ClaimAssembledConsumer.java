package org.claimflow.eligibility.messaging;

import org.claimflow.eligibility.persistence.PracticeScope;
import org.claimflow.eligibility.service.EligibilityService;
import org.claimflow.eligibility.service.TransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks the coverage of every assembled claim and answers with EligibilityChecked. A payer that is down
 * is not a failure here (the claim gets an ERROR answer); a transient failure of our own (database) is
 * retried for as long as it lasts ({@link TransientFailures}), which is safe because the handling is
 * idempotent; anything else, and every unreadable record at once, goes to claims.claim-assembled.v1.dlq
 * (see application.properties).
 */
@ApplicationScoped
public class ClaimAssembledConsumer {

    private final IncomingEvents events;
    private final EligibilityService eligibility;

    public ClaimAssembledConsumer(IncomingEvents events, EligibilityService eligibility) {
        this.events = events;
        this.eligibility = eligibility;
    }

    @Incoming("claim-assembled")
    @Blocking
    public void onClaimAssembled(String json) {
        var envelope = events.envelope(json, "ClaimAssembled");
        ClaimAssembledEvent claim = events.payload(envelope, ClaimAssembledEvent.class);
        if (claim.claimId() == null || claim.payerId() == null || claim.memberId() == null
                || claim.dateOfService() == null || claim.totalCharge() == null) {
            throw new IncomingEvents.PoisonEventException(
                    "ClaimAssembled lacks claimId, payerId, memberId, dateOfService or totalCharge");
        }
        // Every transaction of the check (prepare, record) in the event's practice (row-level security); an envelope
        // without one never gets here.
        PracticeScope.run(envelope.practiceId(), () -> TransientFailures.retrying("ClaimAssembled " + envelope.eventId(),
                () -> eligibility.checkForClaim(envelope, claim)));
    }
}
