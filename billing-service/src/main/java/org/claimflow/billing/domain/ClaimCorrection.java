package org.claimflow.billing.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A corrected claim a biller asked for (ClaimCorrectionRequested): one row per correction id. */
@Entity
@Table(name = "claim_correction")
public class ClaimCorrection extends PanacheEntityBase {

    public static final String REQUESTED = "REQUESTED";
    public static final String COMPLETED = "COMPLETED";
    public static final String NOT_CORRECTABLE = "NOT_CORRECTABLE";

    @Id
    @Column(name = "correction_id")
    public UUID correctionId;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "denial_id", nullable = false)
    public UUID denialId;

    @Column(name = "original_claim_id", nullable = false)
    public UUID originalClaimId;

    @Column(name = "corrected_claim_id")
    public UUID correctedClaimId;

    /** 7 replacement, 8 void. */
    @Column(name = "frequency_code", nullable = false)
    public String frequencyCode;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String status;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The correction of this claim still waiting for the payer's reversal, if any. */
    public static ClaimCorrection pendingFor(UUID originalClaimId) {
        return find("originalClaimId = ?1 and status = ?2 order by requestedAt", originalClaimId, REQUESTED).firstResult();
    }
}
