package org.claimflow.eligibility.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The control numbers of the 270s we send (ISA13 = GS06 = ST02): a PostgreSQL sequence, so they stay unique
 * across restarts and replicas. It cycles after 999,999,999, the most ISA13 holds.
 */
@ApplicationScoped
public class ControlNumberSequence {

    private final EntityManager em;

    public ControlNumberSequence(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int next() {
        return ((Number) em.createNativeQuery("select nextval('x12_control_number')").getSingleResult()).intValue();
    }
}
