package org.claimflow.eligibility.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.claimflow.eligibility.config.EligibilityConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps the first response to each {@code Idempotency-Key} so that a client's retry replays it instead
 * of asking the payer a second time. An eligibility check spans two transactions (the payer is called
 * between them), so the key is claimed and committed first: a concurrent request with the same key then
 * gets 409 until the first one completes, and a request that failed releases its key for a retry. A key
 * whose request died with its process (kill -9 between the two transactions) is neither completed nor
 * released: once it is older than {@code claimflow.eligibility.idempotency-key-stale-after}, the next
 * request with the same key and body takes it over.
 */
@ApplicationScoped
public class IdempotencyStore {

    private final EntityManager em;
    private final Clock clock;
    private final Duration staleAfter;

    public IdempotencyStore(EntityManager em, Clock clock, EligibilityConfig config) {
        this.em = em;
        this.clock = clock;
        this.staleAfter = config.idempotencyKeyStaleAfter();
    }

    public record StoredResponse(int status, String body, String location) {
    }

    /**
     * Claims the key for this request, or returns the response stored for it.
     *
     * @throws IdempotencyKeyReusedException when the key was used with a different request body
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredResponse> claim(String practiceId, String key, String requestHash) {
        int inserted = em.createNativeQuery("""
                        insert into idempotency_key (practice_id, idempotency_key, request_hash, created_at)
                        values (:practice, :key, :hash, :now) on conflict do nothing""")
                .setParameter("practice", practiceId)
                .setParameter("key", key)
                .setParameter("hash", requestHash)
                .setParameter("now", clock.instant())
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_hash, response_status, response_body, location from idempotency_key
                        where practice_id = :practice and idempotency_key = :key""")
                .setParameter("practice", practiceId)
                .setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!requestHash.equals(row[0])) {
            throw new IdempotencyKeyReusedException();
        }
        if (row[1] == null) {
            if (takeOverStale(practiceId, key)) {
                return Optional.empty();
            }
            throw new IdempotencyKeyInUseException();
        }
        return Optional.of(new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3]));
    }

    /**
     * Re-claims a key still in progress after {@link #staleAfter}. The condition is re-checked under the row
     * lock, so of two requests taking over at once exactly one wins; the other sees a fresh claim (409).
     */
    private boolean takeOverStale(String practiceId, String key) {
        Instant now = clock.instant();
        return em.createNativeQuery("""
                        update idempotency_key set created_at = :now
                        where practice_id = :practice and idempotency_key = :key
                          and response_status is null and created_at < :staleBefore""")
                .setParameter("now", now)
                .setParameter("practice", practiceId)
                .setParameter("key", key)
                .setParameter("staleBefore", now.minus(staleAfter))
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String practiceId, String key, StoredResponse response) {
        em.createNativeQuery("""
                        update idempotency_key set response_status = :status, response_body = :body, location = :location
                        where practice_id = :practice and idempotency_key = :key""")
                .setParameter("status", response.status())
                .setParameter("body", response.body())
                .setParameter("location", response.location())
                .setParameter("practice", practiceId)
                .setParameter("key", key)
                .executeUpdate();
    }

    /** Forgets a claimed key whose request failed before it had a response, so the client may retry it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String practiceId, String key) {
        em.createNativeQuery("""
                        delete from idempotency_key
                        where practice_id = :practice and idempotency_key = :key and response_status is null""")
                .setParameter("practice", practiceId)
                .setParameter("key", key)
                .executeUpdate();
    }
}
