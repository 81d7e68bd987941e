package org.claimflow.denial.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import jakarta.persistence.Version;

/**
 * One denied service line of one remittance (line 0: the claim denied as a whole), classified and routed
 * to a work queue. Unique per claim, remittance and line.
 */
@Entity
@Table(name = "denial")
public class Denial extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(name = "remittance_id", nullable = false)
    public UUID remittanceId;

    @Column(name = "encounter_id")
    public UUID encounterId;

    @Column(name = "payer_id", nullable = false)
    public String payerId;

    @Column(name = "payer_claim_control_number")
    public String payerClaimControlNumber;

    @Column(name = "patient_control_number")
    public String patientControlNumber;

    /** 1-based service line; {@link DetectedDenial#CLAIM_LEVEL} for the whole claim. */
    @Column(name = "line_number", nullable = false)
    public int lineNumber;

    @Column(name = "procedure_code")
    public String procedureCode;

    @Column(name = "group_code")
    public String groupCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "reason_codes", nullable = false)
    public List<String> reasonCodes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "remark_codes", nullable = false)
    public List<String> remarkCodes;

    /** The charge at stake. */
    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DenialCategory category;

    @Column(name = "root_cause")
    public String rootCause;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WorkQueue queue;

    @Column(nullable = false)
    public boolean correctable;

    @Column(nullable = false)
    public boolean appealable;

    @Column(name = "date_of_service")
    public LocalDate dateOfService;

    @Column(name = "remittance_date", nullable = false)
    public LocalDate remittanceDate;

    @Column(name = "appeal_deadline", nullable = false)
    public LocalDate appealDeadline;

    /** {@link DenialPriorityPolicy} as of the last refresh; the queues sort on it. */
    @Column(nullable = false, precision = 16, scale = 2)
    public BigDecimal priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DenialStatus status;

    /** Who works it; null while unassigned. */
    public String assignee;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static boolean exists(UUID claimId, UUID remittanceId, int lineNumber) {
        return count("claimId = ?1 and remittanceId = ?2 and lineNumber = ?3", claimId, remittanceId, lineNumber) > 0;
    }

    public boolean claimLevel() {
        return lineNumber == DetectedDenial.CLAIM_LEVEL;
    }
}
