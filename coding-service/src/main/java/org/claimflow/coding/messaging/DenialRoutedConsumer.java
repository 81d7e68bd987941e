package org.claimflow.coding.messaging;

import org.claimflow.coding.persistence.PracticeScope;
import org.claimflow.coding.service.EncounterService;
import org.claimflow.coding.service.TransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Re-opens an encounter a payer denied for coding (queue CODING). Failures, including a denial naming an
 * encounter this service does not have, go to claims.denial-routed.v1.dlq (see application.properties).
 */
@ApplicationScoped
public class DenialRoutedConsumer {

    private final IncomingEvents events;
    private final EncounterService encounters;

    public DenialRoutedConsumer(IncomingEvents events, EncounterService encounters) {
        this.events = events;
        this.encounters = encounters;
    }

    @Incoming("denial-routed")
    @Blocking
    public void onDenialRouted(String json) {
        var envelope = events.envelope(json, "DenialRouted");
        DenialRoutedEvent event = events.payload(envelope, DenialRoutedEvent.class);
        // A coder may be changing the same encounter: a lost optimistic-lock race is retried, never dead-lettered.
        // In the event's practice (row-level security): a denial naming another practice's encounter finds none.
        PracticeScope.run(envelope.practiceId(), () -> TransientFailures.retrying("DenialRouted " + envelope.eventId(),
                () -> encounters.reopenForDenial(envelope, event)));
    }
}
