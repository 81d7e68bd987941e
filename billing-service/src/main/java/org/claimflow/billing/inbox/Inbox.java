package org.claimflow.billing.inbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The processed-event table. A consumer calls {@link #markProcessed} in the same transaction as its
 * effect: the first delivery of an event inserts its id and goes on, a redelivery finds it and does
 * nothing. A concurrent duplicate blocks on the unique key until the first commits, then sees it.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;
    private final Clock clock;

    public Inbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** @return true if this event has not been processed by this consumer before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(UUID eventId, String consumer, String practiceId) {
        int inserted = em.createNativeQuery("""
                        insert into processed_event (event_id, consumer, practice_id, processed_at)
                        values (:eventId, :consumer, :practiceId, :now)
                        on conflict do nothing""")
                .setParameter("eventId", eventId)
                .setParameter("consumer", consumer)
                .setParameter("practiceId", practiceId)
                .setParameter("now", clock.instant())
                .executeUpdate();
        return inserted == 1;
    }
}
