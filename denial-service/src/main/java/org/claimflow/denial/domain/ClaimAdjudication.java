package org.claimflow.denial.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A claim's first adjudication: payer, remittance date, frequency (1 original, 7 replacement, 8 void), the
 * claim it replaces, and whether that first adjudication denied anything. The first-pass rate is read from it.
 */
@Entity
@Table(name = "claim_adjudication")
public class ClaimAdjudication extends PanacheEntityBase {

    public static final String ORIGINAL = "1";
    public static final String REPLACEMENT = "7";

    @Id
    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "payer_id", nullable = false)
    public String payerId;

    @Column(name = "remittance_id", nullable = false)
    public UUID remittanceId;

    @Column(name = "remittance_date", nullable = false)
    public LocalDate remittanceDate;

    @Column(name = "frequency_code", nullable = false)
    public String frequencyCode;

    @Column(name = "replaces_claim_id")
    public UUID replacesClaimId;

    /** The first adjudication had at least one denial. */
    @Column(nullable = false)
    public boolean denied;

    @Column(name = "paid_amount", nullable = false, precision = 12, scale = 2)
    public BigDecimal paidAmount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * Keeps the first adjudication of the claim; a later one (re-sent, re-adjudicated) is ignored. One claim's
     * events share a Kafka key, so they are consumed one after another: no two first adjudications race.
     */
    public void recordIfFirst() {
        if (findById(claimId) == null) {
            persist();
        }
    }
}
