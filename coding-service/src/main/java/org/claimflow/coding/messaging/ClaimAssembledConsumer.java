package org.claimflow.coding.messaging;

import org.claimflow.coding.persistence.PracticeScope;
import org.claimflow.coding.service.EncounterService;
import org.claimflow.coding.service.TransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Links an encounter to its claim. Failures go to claims.claim-assembled.v1.dlq (see application.properties). */
@ApplicationScoped
public class ClaimAssembledConsumer {

    private final IncomingEvents events;
    private final EncounterService encounters;

    public ClaimAssembledConsumer(IncomingEvents events, EncounterService encounters) {
        this.events = events;
        this.encounters = encounters;
    }

    @Incoming("claim-assembled")
    @Blocking
    public void onClaimAssembled(String json) {
        var envelope = events.envelope(json, "ClaimAssembled");
        ClaimAssembledEvent event = events.payload(envelope, ClaimAssembledEvent.class);
        // The event's practice is the transaction's (row-level security); an envelope without one never gets here.
        PracticeScope.run(envelope.practiceId(),
                () -> TransientFailures.retrying("ClaimAssembled " + envelope.eventId(), () -> encounters.linkClaim(envelope, event)));
    }
}
