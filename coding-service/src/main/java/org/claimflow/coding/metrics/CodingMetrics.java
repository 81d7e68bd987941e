package org.claimflow.coding.metrics;

import java.util.List;

import org.claimflow.coding.domain.EncounterStatus;
import org.claimflow.coding.domain.Finding;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The business meters of coding-service, counted when the transaction that did the work commits (see the service
 * README's Metrics table). Tags hold enums, rule ids and payer ids only: never an encounter, practice or patient.
 */
@ApplicationScoped
public class CodingMetrics {

    public static final String ENCOUNTERS_RECEIVED = "claimflow.encounters.received";
    public static final String ENCOUNTERS_REOPENED = "claimflow.encounters.reopened";
    public static final String FINDINGS = "claimflow.coding.findings";
    public static final String CODER_ACTIONS = "claimflow.coding.coder.actions";

    /** What a coder did to an encounter in the queue. */
    public enum CoderAction { CORRECTION, OVERRIDE, PROVIDER_QUERY, PROVIDER_ANSWER }

    private final CommittedCounters counters;

    public CodingMetrics(CommittedCounters counters) {
        this.counters = counters;
    }

    /** Every series with a fixed set of tag values starts at 0, so rates and dashboards have it from the start. */
    void register(@Observes StartupEvent started, MeterRegistry registry) {
        for (EncounterStatus status : List.of(EncounterStatus.CODED, EncounterStatus.NEEDS_REVIEW)) {
            registry.counter(ENCOUNTERS_RECEIVED, "status", status.name());
        }
        for (CoderAction action : CoderAction.values()) {
            registry.counter(CODER_ACTIONS, "action", action.name());
        }
    }

    /** A new encounter, coded (sent to billing) or held for review, with the findings of its first edit run. */
    public void encounterReceived(EncounterStatus disposition, List<Finding> findings) {
        counters.increment(ENCOUNTERS_RECEIVED, "status", disposition.name());
        for (Finding finding : findings) {
            counters.increment(FINDINGS, "rule", finding.ruleId(), "severity", finding.severity().name());
        }
    }

    public void coderAction(CoderAction action) {
        counters.increment(CODER_ACTIONS, "action", action.name());
    }

    /** A payer's coding denial put the encounter back in the coder queue. */
    public void reopenedByDenial(String payerId) {
        counters.increment(ENCOUNTERS_REOPENED, "payer", payerId);
    }
}
