package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/** What a practice bills for a procedure code. */
public final class ChargeMaster {

    private ChargeMaster() {
    }

    public static Optional<BigDecimal> amount(EntityManager em, String practiceId, String procedureCode) {
        return em.createNativeQuery("select amount from charge_master where practice_id = :p and procedure_code = :c",
                        BigDecimal.class)
                .setParameter("p", practiceId)
                .setParameter("c", procedureCode)
                .getResultStream()
                .map(BigDecimal.class::cast)
                .findFirst();
    }
}
