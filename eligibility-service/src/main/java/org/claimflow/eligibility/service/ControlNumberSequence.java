package org.claimflow.eligibility.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The control numbers of the 270s we send (ISA13 = GS06 = ST02), from the PostgreSQL sequence
 * {@code x12_control_number}, so they stay unique across restarts and replicas. Each value the sequence gives is the
 * first of a block as long as its increment (V3 migration: 20); the numbers of a block are handed out from memory, so
 * only one check in a block pays a database round trip. Numbers are unique, not gapless nor in time order across
 * replicas (X12 asks neither). The sequence cycles after its maxvalue, keeping every number within 999,999,999.
 */
@ApplicationScoped
public class ControlNumberSequence {

    static final int MAX_CONTROL_NUMBER = 999_999_999;

    private final EntityManager em;
    private int next = 1;
    private int last;

    public ControlNumberSequence(EntityManager em) {
        this.em = em;
    }

    public synchronized int next() {
        if (next > last) {
            takeBlock();
        }
        return next++;
    }

    /** The increment is read with the value, so the block always matches the sequence (whatever a migration set). */
    private void takeBlock() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                        select nextval('x12_control_number'),
                               (select seqincrement from pg_sequence where seqrelid = 'x12_control_number'::regclass)""")
                .getSingleResult());
        long first = ((Number) row[0]).longValue();
        long size = row[1] == null ? 1 : Math.max(1, ((Number) row[1]).longValue());
        next = (int) first;
        last = (int) Math.min(first + size - 1, MAX_CONTROL_NUMBER);
    }
}
