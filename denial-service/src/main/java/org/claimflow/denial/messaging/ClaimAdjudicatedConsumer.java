package org.claimflow.denial.messaging;

import org.claimflow.denial.domain.AdjudicationOutcome;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.claimflow.denial.persistence.PracticeScope;
import org.claimflow.denial.service.DenialService;
import org.claimflow.denial.service.TransientFailures;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Routes the denials of an adjudicated claim. Failures go to claims.claim-adjudicated.v1.dlq (see application.properties). */
@ApplicationScoped
public class ClaimAdjudicatedConsumer {

    private static final Set<String> KNOWN_OUTCOMES = Arrays.stream(AdjudicationOutcome.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final IncomingEvents events;
    private final DenialService denials;

    public ClaimAdjudicatedConsumer(IncomingEvents events, DenialService denials) {
        this.events = events;
        this.denials = denials;
    }

    @Incoming("claim-adjudicated")
    @Blocking
    public void onClaimAdjudicated(String json) {
        var envelope = events.envelope(json, Topics.CLAIM_ADJUDICATED_TYPE);
        ClaimAdjudicatedEvent event = events.payload(envelope, ClaimAdjudicatedEvent.class);
        if (event.claimId() == null || event.remittanceId() == null || event.payerId() == null
                || event.outcome() == null || event.remittanceDate() == null) {
            throw new IncomingEvents.PoisonEventException(
                    "ClaimAdjudicated lacks claimId, remittanceId, payerId, outcome or remittanceDate");
        }
        if (!KNOWN_OUTCOMES.contains(event.outcome())
                || event.serviceLinesOrEmpty().stream().anyMatch(l -> l.lineNumber() == null || l.paidAmount() == null)) {
            throw new IncomingEvents.PoisonEventException("ClaimAdjudicated has an unknown outcome or a line without number or paid amount");
        }
        // The event's practice is the one whose rows the transaction may see and write (row-level security).
        PracticeScope.run(envelope.practiceId(), () ->
                TransientFailures.retrying("ClaimAdjudicated " + envelope.eventId(), () -> denials.route(envelope, event)));
    }
}
