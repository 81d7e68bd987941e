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

/** An appeal of one denial, from draft to the payer's decision. */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "denial_id", nullable = false)
    public UUID denialId;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppealLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppealStatus status;

    @Column(nullable = false)
    public String reason;

    /** Names of the documents sent with the appeal (records, authorizations); the files stay with the practice. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> attachments;

    @Column(nullable = false)
    public LocalDate deadline;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    @Column(name = "decided_on")
    public LocalDate decidedOn;

    @Column(name = "recovered_amount", precision = 12, scale = 2)
    public BigDecimal recoveredAmount;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
