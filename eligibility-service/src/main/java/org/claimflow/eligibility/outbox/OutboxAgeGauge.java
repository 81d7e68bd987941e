package org.claimflow.eligibility.outbox;

import java.time.Clock;
import java.util.List;

import org.claimflow.eligibility.persistence.PracticeScope;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * {@code claimflow_outbox_oldest_age_seconds}: how long the oldest unpublished outbox row has waited (0 when none
 * waits). With {@code claimflow_outbox_backlog} it tells a relay that is slow from one that is stuck. One indexed
 * lookup per scrape (the partial index on unpublished rows, lowest id first).
 */
@ApplicationScoped
public class OutboxAgeGauge {

    private final EntityManager em;
    private final Clock clock;

    public OutboxAgeGauge(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    void register(@Observes StartupEvent started, MeterRegistry registry) {
        Gauge.builder("claimflow.outbox.oldest.age", this, OutboxAgeGauge::oldestAgeSeconds)
                .description("Seconds the oldest unpublished outbox row has waited; 0 when the outbox is drained")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    @SuppressWarnings("unchecked")
    double oldestAgeSeconds() {
        try {
            // The oldest row of any practice: the relay serves them all.
            List<Number> oldest = PracticeScope.acrossPractices(() -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "select extract(epoch from created_at) from outbox_event where published_at is null order by id limit 1")
                    .getResultList()));
            if (oldest.isEmpty()) {
                return 0;
            }
            double nowSeconds = clock.millis() / 1000.0;
            return Math.max(0, nowSeconds - oldest.get(0).doubleValue());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
