package org.claimflow.billing.messaging;

import org.claimflow.billing.service.ClaimService;
import org.claimflow.billing.persistence.PracticeScope;
import org.claimflow.billing.service.TransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Assembles a claim per coded encounter. Failures go to claims.encounter-coded.v1.dlq (see application.properties). */
@ApplicationScoped
public class EncounterCodedConsumer {

    private final IncomingEvents events;
    private final ClaimService claims;

    public EncounterCodedConsumer(IncomingEvents events, ClaimService claims) {
        this.events = events;
        this.claims = claims;
    }

    @Incoming("encounter-coded")
    @Blocking
    public void onEncounterCoded(String json) {
        var envelope = events.envelope(json, Topics.ENCOUNTER_CODED_TYPE);
        EncounterCodedEvent event = events.payload(envelope, EncounterCodedEvent.class);
        // Row-level security: the transactions act for the event's practice (a blank or "*" one is dead-lettered).
        PracticeScope.run(envelope.practiceId(), () ->
                TransientFailures.retrying("EncounterCoded " + envelope.eventId(), () -> claims.assemble(envelope, event)));
    }
}
