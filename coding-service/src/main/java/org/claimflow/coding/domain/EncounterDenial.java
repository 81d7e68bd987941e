package org.claimflow.coding.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A payer denial (denial-routed, queue CODING) that re-opened an encounter, and what the coder made of it. Kept
 * until the encounter is released so its correction names the denial and claim it replaces.
 */
@Entity
@Table(name = "encounter_denial")
public class EncounterDenial extends PanacheEntityBase {

    public enum Status {
        /** Holds the encounter with a PAYER_DENIAL finding. */
        OPEN,
        /** The coder corrected the codes; the next release sends them as a replacement claim. */
        CORRECTING,
        /** Released: encounter-coded with the correction block was published. */
        CORRECTED,
        /** The coder kept the billed codes (an override with a reason); nothing was re-sent. */
        DECLINED
    }

    @Id
    @Column(name = "denial_id")
    public UUID denialId;

    @Column(name = "encounter_id", nullable = false)
    public UUID encounterId;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(name = "payer_id", nullable = false)
    public String payerId;

    @Column(name = "payer_claim_control_number")
    public String payerClaimControlNumber;

    public String category;

    @Column(name = "group_code")
    public String groupCode;

    /** JSON array of CARCs, primary first. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reason_codes", nullable = false)
    public String reasonCodes;

    /** JSON array of {groupCode, reasonCode, description}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String reasons;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "remark_codes", nullable = false)
    public String remarkCodes;

    /** JSON array of the denied claim line numbers; empty for the whole claim. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "line_numbers", nullable = false)
    public String lineNumbers;

    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The DenialRouted event that brought it: the causation of the correction event. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** The coder's reason when declined. */
    public String resolution;

    /** The denials still working on the encounter (OPEN or CORRECTING), oldest first. */
    public static List<EncounterDenial> unresolved(UUID encounterId) {
        return list("encounterId = ?1 and status in ?2 order by receivedAt, denialId", encounterId,
                List.of(Status.OPEN, Status.CORRECTING));
    }
}
