package org.claimflow.billing.messaging;

import org.claimflow.billing.service.ClaimCorrectionService;
import org.claimflow.billing.persistence.PracticeScope;
import org.claimflow.billing.service.TransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Creates the replacement or void claim a biller asked for. Failures go to claims.claim-correction-requested.v1.dlq. */
@ApplicationScoped
public class ClaimCorrectionRequestedConsumer {

    private final IncomingEvents events;
    private final ClaimCorrectionService corrections;

    public ClaimCorrectionRequestedConsumer(IncomingEvents events, ClaimCorrectionService corrections) {
        this.events = events;
        this.corrections = corrections;
    }

    @Incoming("claim-correction-requested")
    @Blocking
    public void onClaimCorrectionRequested(String json) {
        var envelope = events.envelope(json, Topics.CLAIM_CORRECTION_REQUESTED_TYPE);
        ClaimCorrectionRequestedEvent event = events.payload(envelope, ClaimCorrectionRequestedEvent.class);
        // Row-level security: the transactions act for the event's practice (a blank or "*" one is dead-lettered).
        PracticeScope.run(envelope.practiceId(), () ->
                TransientFailures.retrying("ClaimCorrectionRequested " + envelope.eventId(), () -> corrections.request(envelope, event)));
    }
}
