package org.claimflow.denial.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a person wrote about a denial while working it. */
@Entity
@Table(name = "denial_note")
public class DenialNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "denial_id", nullable = false)
    public UUID denialId;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(nullable = false)
    public String author;

    @Column(nullable = false)
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<DenialNote> of(UUID denialId) {
        return list("denialId = ?1 order by createdAt, id", denialId);
    }
}
