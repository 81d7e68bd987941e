package org.claimflow.eligibility.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.claimflow.eligibility.domain.CoverageStatus;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The business meters of eligibility-service (see the service README's Metrics table). Checks are counted when the
 * transaction that stores them commits; payer calls are timed per payer as they happen. Tags hold enums and payer
 * ids only: never a member, patient or practice.
 */
@ApplicationScoped
public class EligibilityMetrics {

    public static final String CHECKS = "claimflow.eligibility.checks";
    public static final String PAYER_CALL = "claimflow.eligibility.payer.call";

    /** Who asked for a check: a person through the API, a claim on its way to submission, or a batch. */
    public enum Origin { REAL_TIME, CLAIM, BATCH }

    private final CommittedCounters counters;
    private final MeterRegistry registry;
    private final Map<String, Timer> payerCalls = new ConcurrentHashMap<>();

    public EligibilityMetrics(CommittedCounters counters, MeterRegistry registry) {
        this.counters = counters;
        this.registry = registry;
    }

    /** Every series with a fixed set of tag values starts at 0, so rates and dashboards have it from the start. */
    void register(@Observes StartupEvent started) {
        for (CoverageStatus status : CoverageStatus.values()) {
            for (Origin origin : Origin.values()) {
                registry.counter(CHECKS, "status", status.name(), "origin", origin.name(), "reused", "false");
            }
        }
    }

    /** A check stored with its outcome; {@code reused}: answered from an earlier check, the payer was not asked. */
    public void checked(CoverageStatus status, Origin origin, boolean reused) {
        counters.increment(CHECKS, "status", status.name(), "origin", origin.name(), "reused", Boolean.toString(reused));
    }

    /** One payer gateway call (270 out, 271 back, with its retries), answered or not. */
    public void payerCalled(String payerId, long nanos) {
        payerCalls.computeIfAbsent(payerId, p -> Timer.builder(PAYER_CALL)
                .description("The payer gateway call of one check (270 out, 271 back, with its retries)")
                .tag("payer", p)
                // Percentile histograms, so that /q/metrics gives p50/p95/p99 per payer (histogram_quantile).
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
