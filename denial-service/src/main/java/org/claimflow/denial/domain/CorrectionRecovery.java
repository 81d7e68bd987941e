package org.claimflow.denial.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a replacement claim paid for a CORRECTED denial of the claim it replaced. */
@Entity
@Table(name = "correction_recovery")
public class CorrectionRecovery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "denial_id", nullable = false)
    public UUID denialId;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "replacement_claim_id", nullable = false)
    public UUID replacementClaimId;

    @Column(name = "remittance_id", nullable = false)
    public UUID remittanceId;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** @return false when this replacement remittance was already credited to this denial (a re-sent remittance) */
    public boolean recordOnce() {
        return getEntityManager().createNativeQuery("""
                        insert into correction_recovery (denial_id, practice_id, replacement_claim_id, remittance_id, amount, recorded_at)
                        values (:denialId, :practiceId, :replacementClaimId, :remittanceId, :amount, :recordedAt)
                        on conflict on constraint correction_recovery_key do nothing""")
                .setParameter("denialId", denialId)
                .setParameter("practiceId", practiceId)
                .setParameter("replacementClaimId", replacementClaimId)
                .setParameter("remittanceId", remittanceId)
                .setParameter("amount", amount)
                .setParameter("recordedAt", recordedAt)
                .executeUpdate() == 1;
    }
}
