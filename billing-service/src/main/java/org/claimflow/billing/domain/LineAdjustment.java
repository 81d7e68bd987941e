package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One CAS adjustment posted to a claim: on a line, or at claim level when {@code lineNumber} is null. */
@Entity
@Table(name = "line_adjustment")
public class LineAdjustment extends PanacheEntityBase {

    /** Numbered by Hibernate from the sequence (increment 50 in V7), so its inserts go out in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "line_adjustment_id_seq")
    @SequenceGenerator(name = "line_adjustment_id_seq", sequenceName = "line_adjustment_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "claim_payment_id", nullable = false)
    public UUID claimPaymentId;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(name = "line_number")
    public Integer lineNumber;

    @Column(name = "group_code", nullable = false)
    public String groupCode;

    /** CARC. */
    @Column(name = "reason_code", nullable = false)
    public String reasonCode;

    @Column(nullable = false)
    public BigDecimal amount;

    /**
     * In the order they were posted: by the remittance's posting time, then id (ids come in blocks per service
     * instance, so across replicas they are not in time order).
     */
    public static List<LineAdjustment> ofClaim(UUID claimId) {
        return getEntityManager().createQuery("""
                        select a from LineAdjustment a, PostedClaimPayment p
                        where p.id = a.claimPaymentId and a.claimId = ?1 order by p.postedAt, a.id""", LineAdjustment.class)
                .setParameter(1, claimId).getResultList();
    }
}
