package org.claimflow.denial.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One dated step in a denial's life, for the people who ask "what happened to it". */
@Entity
@Table(name = "denial_history")
public class DenialHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "denial_id", nullable = false)
    public UUID denialId;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String kind;

    public String detail;

    /** Who did it: a person (the X-User header until authentication lands) or {@link #SYSTEM}. */
    @Column(nullable = false)
    public String actor;

    public static final String SYSTEM = "denial-service";

    public static void record(Denial denial, Instant at, String kind, String detail) {
        record(denial, at, SYSTEM, kind, detail);
    }

    public static void record(Denial denial, Instant at, String actor, String kind, String detail) {
        DenialHistory row = new DenialHistory();
        row.actor = actor;
        row.denialId = denial.id;
        row.practiceId = denial.practiceId;
        row.occurredAt = at;
        row.kind = kind;
        row.detail = detail;
        row.persist();
    }

    public static List<DenialHistory> of(UUID denialId) {
        return list("denialId = ?1 order by id", denialId);
    }
}
