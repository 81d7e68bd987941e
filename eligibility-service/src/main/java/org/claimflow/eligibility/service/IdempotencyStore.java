package org.claimflow.eligibility.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps the first response to each {@code Idempotency-Key} so that a client's retry replays it instead
 * of asking the payer a second time. An eligibility check spans two transactions (the payer is called
 * between them), so the key is claimed and committed first: a concurrent request with the same key then
 * gets 409 until the first one completes, and a request that failed releases its key for a retry.
 */
@ApplicationScoped
public class IdempotencyStore {

    private final EntityManager em;
    private final Clock clock;

    public IdempotencyStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
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
            throw new IdempotencyKeyInUseException();
        }
        return Optional.of(new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3]));
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
