package org.claimflow.denial.metrics;

import java.math.BigDecimal;

import org.claimflow.denial.domain.AppealStatus;
import org.claimflow.denial.domain.DenialCategory;
import org.claimflow.denial.domain.WorkQueue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The business meters of denial-service, counted when the transaction that did the work commits (see the service
 * README's Metrics table). Tags hold enums only: never a denial, claim, practice or patient. The amount at stake is
 * a floating-point view for dashboards; the denials keep exact decimals.
 */
@ApplicationScoped
public class DenialMetrics {

    public static final String ROUTED = "claimflow.denials.routed";
    public static final String ROUTED_AMOUNT = "claimflow.denials.routed.usd";
    public static final String APPEALS = "claimflow.denials.appeals";
    public static final String CORRECTIONS = "claimflow.denials.corrections.requested";

    private final CommittedCounters counters;

    public DenialMetrics(CommittedCounters counters) {
        this.counters = counters;
    }

    /** Every series with a fixed set of tag values starts at 0, so rates and dashboards have it from the start. */
    void register(@Observes StartupEvent started, MeterRegistry registry) {
        for (AppealStatus outcome : new AppealStatus[] {AppealStatus.SUBMITTED, AppealStatus.WON, AppealStatus.LOST}) {
            registry.counter(APPEALS, "outcome", outcome.name());
        }
        for (String kind : new String[] {"REPLACEMENT", "VOID"}) {
            registry.counter(CORRECTIONS, "kind", kind);
        }
    }

    /** A denial routed to a work queue, with the amount the payer did not pay. */
    public void routed(DenialCategory category, WorkQueue queue, BigDecimal amount) {
        counters.increment(ROUTED, "category", category.name(), "queue", queue.name());
        if (amount != null && amount.signum() > 0) {
            counters.add(ROUTED_AMOUNT, amount.doubleValue(), "category", category.name(), "queue", queue.name());
        }
    }

    /** An appeal submitted to the payer (SUBMITTED), or the payer's decision on it (WON, LOST). */
    public void appeal(AppealStatus outcome) {
        counters.increment(APPEALS, "outcome", outcome.name());
    }

    /** A replacement (frequency 7) or void (8) of the denied claim requested from billing. */
    public void correctionRequested(boolean replacement) {
        counters.increment(CORRECTIONS, "kind", replacement ? "REPLACEMENT" : "VOID");
    }
}
