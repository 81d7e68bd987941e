package org.claimflow.denial.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The patient, member id and billing provider of a claim, for the appeal letter. Every field is optional:
 * the letter says politely what is missing. Holds patient data, so it never appears in logs, events or
 * problem bodies.
 */
@Entity
@Table(name = "claim_party")
public class ClaimParty extends PanacheEntityBase {

    @Id
    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "member_id")
    public String memberId;

    @Column(name = "patient_first_name")
    public String patientFirstName;

    @Column(name = "patient_last_name")
    public String patientLastName;

    @Column(name = "patient_date_of_birth")
    public LocalDate patientDateOfBirth;

    @Column(name = "provider_npi")
    public String providerNpi;

    @Column(name = "provider_name")
    public String providerName;

    @Column(name = "provider_address_line1")
    public String providerAddressLine1;

    @Column(name = "provider_address_line2")
    public String providerAddressLine2;

    @Column(name = "provider_city")
    public String providerCity;

    @Column(name = "provider_state")
    public String providerState;

    @Column(name = "provider_postal_code")
    public String providerPostalCode;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The claim's row, created empty for the practice if it has none yet. */
    public static ClaimParty of(UUID claimId, String practiceId, Instant now) {
        ClaimParty party = findById(claimId);
        if (party == null) {
            party = new ClaimParty();
            party.claimId = claimId;
            party.practiceId = practiceId;
            party.updatedAt = now;
            party.persist();
        }
        return party;
    }

    @Override
    public String toString() {
        return "ClaimParty[" + claimId + "]"; // no patient data in any log line
    }
}
