package org.claimflow.denial.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps the first response to each {@code Idempotency-Key} so that a client's retry replays it instead
 * of creating a second note, appeal or correction. The key row is claimed inside the request's
 * transaction: a concurrent request with the same key waits on the row lock, then replays what the first
 * one committed. The same design as coding-service's store (no shared code between services).
 */
@ApplicationScoped
public class IdempotencyStore {

    private final EntityManager em;
    private final Clock clock;
    private final ObjectMapper mapper;

    public IdempotencyStore(EntityManager em, Clock clock, ObjectMapper mapper) {
        this.em = em;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** What a creating action produced: its status, location and response body (serialised here). */
    public record Result(int status, String location, Object body) {
    }

    /**
     * Runs {@code create} once per key; a retry with the same key and the same request replays its response.
     *
     * @param scope   what is being created where (method and path), so one key cannot be replayed on another resource
     * @throws IdempotencyKeyReusedException when the key was used with a different request
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Created once(String practiceId, String key, String scope, Object request, Supplier<Result> create) {
        String hash = key == null ? null : sha256(scope + "\n" + json(request));
        if (key != null) {
            int inserted = em.createNativeQuery("""
                            insert into idempotency_key (practice_id, idempotency_key, request_hash, created_at)
                            values (:practice, :key, :hash, :now) on conflict do nothing""")
                    .setParameter("practice", practiceId)
                    .setParameter("key", key)
                    .setParameter("hash", hash)
                    .setParameter("now", clock.instant())
                    .executeUpdate();
            if (inserted == 0) {
                return replay(practiceId, key, hash);
            }
        }
        Result result = create.get();
        Created created = new Created(result.status(), json(result.body()), result.location(), false);
        if (key != null) {
            em.createNativeQuery("""
                            update idempotency_key set response_status = :status, response_body = :body, location = :location
                            where practice_id = :practice and idempotency_key = :key""")
                    .setParameter("status", created.status())
                    .setParameter("body", created.body())
                    .setParameter("location", created.location())
                    .setParameter("practice", practiceId)
                    .setParameter("key", key)
                    .executeUpdate();
        }
        return created;
    }

    private Created replay(String practiceId, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select request_hash, response_status, response_body, location from idempotency_key
                        where practice_id = :practice and idempotency_key = :key""")
                .setParameter("practice", practiceId)
                .setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw new IdempotencyKeyReusedException();
        }
        if (row[1] == null) {
            throw new IdempotencyKeyInUseException();
        }
        return new Created(((Number) row[1]).intValue(), (String) row[2], (String) row[3], true);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be serialised", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
