package org.claimflow.denial.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.claimflow.denial.domain.WorkQueue;
import org.claimflow.denial.persistence.PracticeScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Gauges read from the denial table: open denials per work queue ({@code claimflow_denials_open}) and those of them
 * nobody appealed or corrected before the appeal deadline passed ({@code claimflow_denials_past_deadline}). One
 * grouped query (on the status/queue index) serves every series, and its result is kept for {@code max-age}, so a
 * scrape every few seconds, or several Prometheus replicas, cost at most one query per period. Each replica of the
 * service reports the same numbers: aggregate them with max, not sum.
 */
@ApplicationScoped
public class DenialQueueGauges {

    public static final String OPEN = "claimflow.denials.open";
    public static final String PAST_DEADLINE = "claimflow.denials.past.deadline";

    private record Snapshot(Instant takenAt, Map<WorkQueue, Long> open, Map<WorkQueue, Long> pastDeadline) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final Duration maxAge;
    private Snapshot snapshot;

    public DenialQueueGauges(EntityManager em, Clock clock,
                             @ConfigProperty(name = "claimflow.denial.queue-gauges.max-age", defaultValue = "30s") Duration maxAge) {
        this.em = em;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    void register(@Observes StartupEvent started, MeterRegistry registry) {
        for (WorkQueue queue : WorkQueue.values()) {
            Gauge.builder(OPEN, this, g -> count(g.read().open(), queue))
                    .description("Denials not yet closed (OPEN, IN_PROGRESS, APPEALED) in this work queue")
                    .tag("queue", queue.name()).strongReference(true).register(registry);
            Gauge.builder(PAST_DEADLINE, this, g -> count(g.read().pastDeadline(), queue))
                    .description("Denials still OPEN or IN_PROGRESS whose appeal deadline has passed")
                    .tag("queue", queue.name()).strongReference(true).register(registry);
        }
    }

    private synchronized Snapshot read() {
        Instant now = clock.instant();
        if (snapshot == null || !snapshot.takenAt().plus(maxAge).isAfter(now)) {
            try {
                snapshot = query(now);
            } catch (RuntimeException e) {
                // The database is away: NaN says "unknown" rather than a stale or zero count.
                Map<WorkQueue, Long> unknown = Map.of();
                return new Snapshot(now, unknown, unknown);
            }
        }
        return snapshot;
    }

    private static double count(Map<WorkQueue, Long> counts, WorkQueue queue) {
        Long count = counts.get(queue);
        return count == null ? Double.NaN : count;
    }

    @SuppressWarnings("unchecked")
    private Snapshot query(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        // Every practice's queues (the gauges carry no practice tag): cross-practice by nature (row-level security).
        List<Object[]> rows = PracticeScope.acrossPractices(() -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select queue, count(*),
                               count(*) filter (where status in ('OPEN', 'IN_PROGRESS') and appeal_deadline < :today)
                        from denial where status in ('OPEN', 'IN_PROGRESS', 'APPEALED') group by queue""")
                .setParameter("today", today)
                .getResultList()));
        Map<WorkQueue, Long> open = new EnumMap<>(WorkQueue.class);
        Map<WorkQueue, Long> pastDeadline = new EnumMap<>(WorkQueue.class);
        for (WorkQueue queue : WorkQueue.values()) {
            open.put(queue, 0L);
            pastDeadline.put(queue, 0L);
        }
        for (Object[] row : rows) {
            WorkQueue queue = WorkQueue.valueOf((String) row[0]);
            open.put(queue, ((Number) row[1]).longValue());
            pastDeadline.put(queue, ((Number) row[2]).longValue());
        }
        return new Snapshot(now, open, pastDeadline);
    }
}
