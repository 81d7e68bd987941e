package org.claimflow.billing.domain;

import java.time.Instant;
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

/** One dated step in a claim's life, for the people who ask "why is this claim denied, and what happened since". */
@Entity
@Table(name = "claim_event")
public class ClaimEvent extends PanacheEntityBase {

    private static final int MAX_DETAIL = 2000;

    /** Numbered by Hibernate from the sequence (increment 50 in V7), so its inserts go out in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "claim_event_id_seq")
    @SequenceGenerator(name = "claim_event_id_seq", sequenceName = "claim_event_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String kind;

    public String detail;

    public static void record(UUID claimId, Instant at, String kind, String detail) {
        ClaimEvent row = new ClaimEvent();
        row.claimId = claimId;
        row.occurredAt = at;
        row.kind = kind;
        row.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
        row.persist();
    }

    /** Oldest first. By time, then id: ids come in blocks per service instance, so across replicas they are not in time order. */
    public static List<ClaimEvent> of(UUID claimId) {
        return list("claimId = ?1 order by occurredAt, id", claimId);
    }
}
