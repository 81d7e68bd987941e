package org.claimflow.billing.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One response of an endpoint that returns or changes patient data (issue #8): who, in which practice, did what to
 * which object, with what outcome. Append-only (migration V10). Holds no patient data but {@link #patientRef}, the
 * member id the service already keeps on the claim and the patient account.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(nullable = false)
    public String actor;

    /** The caller's roles, comma-separated. */
    public String roles;

    /** READ, LIST, CREATE, UPDATE or DELETE. */
    @Column(nullable = false)
    public String action;

    /** Verb and path template, e.g. {@code GET /api/v1/claims/{id}}: never the values of a path or query. */
    @Column(nullable = false)
    public String endpoint;

    @Column(name = "object_type", nullable = false)
    public String objectType;

    @Column(name = "object_id")
    public String objectId;

    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "patient_ref")
    public String patientRef;

    /** SUCCESS (2xx), DENIED (403), NOT_FOUND (404), REJECTED (other 4xx) or FAILED (5xx). */
    @Column(nullable = false)
    public String outcome;

    @Column(nullable = false)
    public short status;

    @Column(name = "request_id")
    public String requestId;

    @Override
    public String toString() {
        return "AuditEvent[" + id + "]";
    }
}
