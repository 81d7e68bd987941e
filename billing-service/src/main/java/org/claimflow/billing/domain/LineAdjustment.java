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
import jakarta.persistence.Table;

/** One CAS adjustment posted to a claim: on a line, or at claim level when {@code lineNumber} is null. */
@Entity
@Table(name = "line_adjustment")
public class LineAdjustment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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

    public static List<LineAdjustment> ofClaim(UUID claimId) {
        return list("claimId = ?1 order by id", claimId);
    }
}
