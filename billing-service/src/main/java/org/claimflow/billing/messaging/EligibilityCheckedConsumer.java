package org.claimflow.billing.messaging;

import org.claimflow.billing.service.ClaimService;
import org.claimflow.billing.persistence.PracticeScope;
import org.claimflow.billing.service.TransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Releases or holds a claim on its eligibility result. Failures go to claims.eligibility-checked.v1.dlq. */
@ApplicationScoped
public class EligibilityCheckedConsumer {

    private final IncomingEvents events;
    private final ClaimService claims;

    public EligibilityCheckedConsumer(IncomingEvents events, ClaimService claims) {
        this.events = events;
        this.claims = claims;
    }

    @Incoming("eligibility-checked")
    @Blocking
    public void onEligibilityChecked(String json) {
        var envelope = events.envelope(json, Topics.ELIGIBILITY_CHECKED_TYPE);
        EligibilityCheckedEvent event = events.payload(envelope, EligibilityCheckedEvent.class);
        // Row-level security: the transactions act for the event's practice (a blank or "*" one is dead-lettered).
        PracticeScope.run(envelope.practiceId(), () ->
                TransientFailures.retrying("EligibilityChecked " + envelope.eventId(), () -> claims.applyEligibility(envelope, event)));
    }
}
