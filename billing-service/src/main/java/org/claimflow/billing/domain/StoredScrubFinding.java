package org.claimflow.billing.domain;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One finding of the claim scrubber's last check of a claim ({@link ClaimScrubPolicy}). */
@Entity
@Table(name = "claim_scrub_finding")
public class StoredScrubFinding extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ScrubFinding.Severity severity;

    @Column(nullable = false)
    public String message;

    @Column
    public String field;

    @Column(name = "suggested_fix")
    public String suggestedFix;

    @Column(name = "found_at", nullable = false)
    public Instant foundAt;

    public ScrubFinding finding() {
        return new ScrubFinding(ruleId, severity, message, field, suggestedFix);
    }

    public static List<StoredScrubFinding> of(UUID claimId) {
        return list("claimId = ?1 order by id", claimId);
    }

    /** Replaces the claim's findings with those of the latest check. */
    public static void replace(UUID claimId, List<ScrubFinding> findings, Instant now) {
        // Plain JDBC: the HQL bulk delete rebuilt its interpretation on every call, a fifth of the submission job's
        // time in a profile; like the bulk delete it bypasses the persistence context (rows are only added below).
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement st = connection.prepareStatement("delete from claim_scrub_finding where claim_id = ?")) {
                st.setObject(1, claimId);
                st.executeUpdate();
            }
        });
        for (ScrubFinding f : findings) {
            StoredScrubFinding row = new StoredScrubFinding();
            row.claimId = claimId;
            row.ruleId = f.ruleId();
            row.severity = f.severity();
            row.message = f.message();
            row.field = f.field();
            row.suggestedFix = f.suggestedFix();
            row.foundAt = now;
            row.persist();
        }
    }
}
