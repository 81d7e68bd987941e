package org.claimflow.denial.messaging;

import org.claimflow.denial.persistence.PracticeScope;
import org.claimflow.denial.service.CoderCorrectionService;
import org.claimflow.denial.service.TransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Marks a denial CORRECTED when a coder's correction of its encounter is published. Failures go to
 * claims.encounter-coded.v1.dlq (see application.properties).
 */
@ApplicationScoped
public class EncounterCodedConsumer {

    private final IncomingEvents events;
    private final CoderCorrectionService corrections;

    public EncounterCodedConsumer(IncomingEvents events, CoderCorrectionService corrections) {
        this.events = events;
        this.corrections = corrections;
    }

    @Incoming("encounter-coded")
    @Blocking
    public void onEncounterCoded(String json) {
        var envelope = events.envelope(json, Topics.ENCOUNTER_CODED_TYPE);
        EncounterCodedEvent event = events.payload(envelope, EncounterCodedEvent.class);
        if (event.correction() != null && event.correction().denialId() == null) {
            throw new IncomingEvents.PoisonEventException("EncounterCoded has a correction without denialId");
        }
        // The event's practice is the one whose rows the transaction may see and write (row-level security).
        PracticeScope.run(envelope.practiceId(), () ->
                TransientFailures.retrying("EncounterCoded " + envelope.eventId(), () -> corrections.apply(envelope, event)));
    }
}
