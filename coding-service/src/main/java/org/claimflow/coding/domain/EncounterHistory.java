package org.claimflow.coding.domain;

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

/** One dated step in an encounter's life, for the people who ask "what happened to it". */
@Entity
@Table(name = "encounter_history")
public class EncounterHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "encounter_id", nullable = false)
    public UUID encounterId;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String kind;

    public String detail;

    /** Who made the change (the X-User of the request), null for the service's own steps. */
    public String actor;

    public static void record(Encounter encounter, Instant at, String kind, String detail) {
        record(encounter, at, kind, null, detail);
    }

    public static void record(Encounter encounter, Instant at, String kind, String actor, String detail) {
        EncounterHistory row = new EncounterHistory();
        row.actor = actor;
        row.encounterId = encounter.id;
        row.practiceId = encounter.practiceId;
        row.occurredAt = at;
        row.kind = kind;
        row.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
        row.persist();
    }

    public static List<EncounterHistory> of(UUID encounterId) {
        return list("encounterId = ?1 order by id", encounterId);
    }
}
