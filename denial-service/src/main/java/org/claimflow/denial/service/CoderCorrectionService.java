package org.claimflow.denial.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.claimflow.denial.domain.Denial;
import org.claimflow.denial.domain.DenialHistory;
import org.claimflow.denial.domain.DenialStatus;
import org.claimflow.denial.domain.DenialStatusPolicy;
import org.claimflow.denial.inbox.Inbox;
import org.claimflow.denial.messaging.EncounterCodedEvent;
import org.claimflow.denial.outbox.EventEnvelope;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Consumer side of encounter-coded: a coder corrected the encounter of a CODING denial (coding-service
 * re-opened it from our DenialRouted), so billing will send a replacement claim and the denial is
 * CORRECTED. The coder acts through coding-service, which is therefore the actor in the history.
 */
@ApplicationScoped
public class CoderCorrectionService {

    private static final Logger LOG = Logger.getLogger(CoderCorrectionService.class);
    static final String ENCOUNTER_CODED_CONSUMER = "denial-service.encounter-coded";
    static final String ACTOR = "coding-service";

    private final Inbox inbox;
    private final Clock clock;

    public CoderCorrectionService(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional
    public void apply(EventEnvelope envelope, EncounterCodedEvent event) {
        if (!inbox.markProcessed(envelope.eventId(), ENCOUNTER_CODED_CONSUMER, envelope.practiceId())) {
            return;
        }
        EncounterCodedEvent.Correction correction = event.correction();
        if (correction == null) {
            return; // a first coding: nothing was denied yet
        }
        Instant now = clock.instant();
        String what = "Coder corrected encounter " + event.encounterId() + " for "
                + (correction.reasonCodesOrEmpty().isEmpty() ? "the denial" : "CARC " + String.join(", ", correction.reasonCodesOrEmpty()))
                + "; billing sends a " + ("8".equals(correction.frequencyCode()) ? "void (frequency 8)" : "replacement (frequency 7)")
                + " of the claim.";
        for (UUID denialId : correction.answeredDenials()) {
            Denial denial = Denial.findById(denialId);
            if (denial == null || !denial.practiceId.equals(envelope.practiceId())) {
                // Not a poison record: the event is well formed and redelivering it changes nothing. The denial may
                // belong to another deployment reading the same topic; a dead letter would only page someone.
                LOG.warnf("EncounterCoded %s corrects denial %s, which is not known here for this practice; ignored",
                        envelope.eventId(), denialId);
                continue;
            }
            if (DenialStatusPolicy.allows(denial.status, DenialStatus.CORRECTED)) {
                DenialWorkService.transition(denial, DenialStatus.CORRECTED, ACTOR, "corrected by the coder", now);
                DenialHistory.record(denial, now, ACTOR, "CORRECTED_BY_CODER", what);
                LOG.infof("denial %s CORRECTED by the coder (EncounterCoded %s)", denial.id, envelope.eventId());
            } else {
                // Someone already closed or appealed it: keep their decision, but the history shows the coder's work.
                DenialHistory.record(denial, now, ACTOR, "CORRECTED_BY_CODER", what + " The denial stays " + denial.status + ".");
                denial.updatedAt = now;
            }
        }
    }
}
