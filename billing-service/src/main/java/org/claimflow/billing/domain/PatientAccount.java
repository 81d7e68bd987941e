package org.claimflow.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A patient's account at a practice, keyed by practice + payer + member id (the V3 migration says why).
 * Its claims are the practice's claims for that payer and member id; its balance is the sum of its ledger.
 */
@Entity
@Table(name = "patient_account")
public class PatientAccount extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "payer_id", nullable = false)
    public String payerId;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** What identifies an account. */
    public record Key(String practiceId, String payerId, String memberId) {

        public static Key of(Claim claim) {
            return new Key(claim.practiceId, claim.payerId, claim.memberId);
        }
    }

    public Key key() {
        return new Key(practiceId, payerId, memberId);
    }

    /** The accounts of these members at these practices (any payer), in one query. */
    public static List<PatientAccount> ofMembers(Collection<String> practiceIds, Collection<String> memberIds) {
        return list("practiceId in ?1 and memberId in ?2", practiceIds, memberIds);
    }

    public List<Claim> claims() {
        return Claim.list("practiceId = ?1 and payerId = ?2 and memberId = ?3 order by dateOfService, createdAt",
                practiceId, payerId, memberId);
    }
}
