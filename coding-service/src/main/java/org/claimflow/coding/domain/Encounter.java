package org.claimflow.coding.domain;

import java.time.Instant;
import java.time.LocalDate;
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

/** An encounter as received, kept whole (JSON) so a coder sees exactly what the practice sent. */
@Entity
@Table(name = "encounter")
public class Encounter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EncounterStatus status;

    @Column(name = "date_of_service", nullable = false)
    public LocalDate dateOfService;

    /** The encounter request as accepted, JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String request;

    /** The findings of the last edit run, JSON array. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String findings;

    /** The question sent to the provider while the encounter is QUERY_PROVIDER. */
    @Column(name = "open_query")
    public String openQuery;

    @Column(name = "claim_id")
    public UUID claimId;

    /** When encounter-coded last left for billing; null until the first time. */
    @Column(name = "sent_to_billing_at")
    public Instant sentToBillingAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Encounter findByExternalId(String practiceId, String externalId) {
        return find("practiceId = ?1 and externalId = ?2", practiceId, externalId).firstResult();
    }
}
