package org.claimflow.denial.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A request to billing for a replacement (frequency 7) or void (8) of the denied claim. */
@Entity
@Table(name = "correction_request")
public class CorrectionRequest extends PanacheEntityBase {

    public static final String REPLACEMENT = "7";
    public static final String VOID = "8";

    @Id
    public UUID id;

    @Column(name = "denial_id", nullable = false)
    public UUID denialId;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "frequency_code", nullable = false)
    public String frequencyCode;

    @Column(nullable = false)
    public String reason;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
