package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import org.hibernate.Session;

import jakarta.persistence.EntityManager;

/** What a practice bills for a procedure code. */
public final class ChargeMaster {

    private ChargeMaster() {
    }

    /**
     * Plain JDBC on the transaction's connection: a native query with a scalar result class made Hibernate add a new
     * plan-cache entry on every call (its result-set mapping never equals the last one), all in one hash bin, so
     * each lookup walked a longer list; this runs for every line of every claim.
     */
    public static Optional<BigDecimal> amount(EntityManager em, String practiceId, String procedureCode) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "select amount from charge_master where practice_id = ? and procedure_code = ?")) {
                st.setString(1, practiceId);
                st.setString(2, procedureCode);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBigDecimal(1)) : Optional.<BigDecimal>empty();
                }
            }
        });
    }
}
