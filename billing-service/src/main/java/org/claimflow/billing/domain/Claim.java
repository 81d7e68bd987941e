package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A professional claim: what goes into the 837P, and what the payer did with it. One per encounter.
 * The subscriber is the patient in this slice (relationship "self" is what the 837 writer supports).
 */
@Entity
@Table(name = "claim")
public class Claim extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "encounter_id", nullable = false)
    public UUID encounterId;

    @Column(name = "external_id")
    public String externalId;

    /** CLM01, echoed as CLP01 in the 835: how a remittance finds this claim. */
    @Column(name = "patient_control_number", nullable = false)
    public String patientControlNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClaimStatus status;

    /** CLM05-3: 1 original, 7 replacement, 8 void. */
    @Column(name = "frequency_code", nullable = false)
    public String frequencyCode;

    @Column(name = "payer_id", nullable = false)
    public String payerId;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(nullable = false)
    public String relationship;

    @Column(name = "patient_first_name", nullable = false)
    public String patientFirstName;

    @Column(name = "patient_last_name", nullable = false)
    public String patientLastName;

    @Column(name = "patient_date_of_birth", nullable = false)
    public LocalDate patientDateOfBirth;

    @Column(name = "patient_sex", nullable = false)
    public String patientSex;

    @Column(name = "patient_line1", nullable = false)
    public String patientLine1;

    @Column(name = "patient_line2")
    public String patientLine2;

    @Column(name = "patient_city", nullable = false)
    public String patientCity;

    @Column(name = "patient_state", nullable = false)
    public String patientState;

    @Column(name = "patient_postal_code", nullable = false)
    public String patientPostalCode;

    @Column(name = "billing_npi", nullable = false)
    public String billingNpi;

    @Column(name = "billing_tax_id", nullable = false)
    public String billingTaxId;

    @Column(name = "billing_name", nullable = false)
    public String billingName;

    @Column(name = "billing_line1", nullable = false)
    public String billingLine1;

    @Column(name = "billing_line2")
    public String billingLine2;

    @Column(name = "billing_city", nullable = false)
    public String billingCity;

    @Column(name = "billing_state", nullable = false)
    public String billingState;

    @Column(name = "billing_postal_code", nullable = false)
    public String billingPostalCode;

    @Column(name = "rendering_npi")
    public String renderingNpi;

    @Column(name = "rendering_first_name")
    public String renderingFirstName;

    @Column(name = "rendering_last_name")
    public String renderingLastName;

    @Column(name = "place_of_service", nullable = false)
    public String placeOfService;

    @Column(name = "date_of_service", nullable = false)
    public LocalDate dateOfService;

    /** ICD-10-CM codes, comma separated, principal first. */
    @Column(nullable = false)
    public String diagnoses;

    @Column(name = "total_charge", nullable = false)
    public BigDecimal totalCharge;

    @Column(name = "paid_amount", nullable = false)
    public BigDecimal paidAmount;

    /** Contractual and other non-patient adjustments (CO, OA, PI, CR groups). */
    @Column(name = "adjusted_amount", nullable = false)
    public BigDecimal adjustedAmount;

    /** PR adjustments: what the patient owes. */
    @Column(name = "patient_responsibility", nullable = false)
    public BigDecimal patientResponsibility;

    /**
     * Interest on the claim as the payer reported it (835 AMT*I): not part of paid (CLP04) and outside the
     * reconciliation; the payer pays it provider-level, in the PLB (L6).
     */
    @Column(name = "interest_amount", nullable = false)
    public BigDecimal interestAmount = BigDecimal.ZERO.setScale(2);

    @Column(name = "payer_claim_control_number")
    public String payerClaimControlNumber;

    /** A replacement (7) or void (8): the claim it corrects; null for an original claim. */
    @Column(name = "replaces_claim_id")
    public UUID replacesClaimId;

    /** REF*F8 of a replacement or void: the payer's claim control number of the claim it corrects. */
    @Column(name = "original_payer_claim_control_number")
    public String originalPayerClaimControlNumber;

    /** The interchange this claim was last sent in. */
    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * W3C trace context of the span the claim was assembled in (its encounter's trace): the jobs that move the claim
     * on later, from no consumed record, write its events in this trace. Null for claims assembled before tracing.
     */
    @Column(name = "traceparent")
    public String traceparent;

    @Column(name = "tracestate")
    public String tracestate;

    @Version
    public long version;

    public List<String> diagnosisList() {
        return diagnoses.isEmpty() ? List.of() : Arrays.asList(diagnoses.split(","));
    }

    public ClaimBalance balance() {
        return new ClaimBalance(totalCharge, paidAmount, adjustedAmount, patientResponsibility);
    }

    public static Claim findByEncounter(UUID encounterId) {
        return find("encounterId = ?1 and replacesClaimId is null", encounterId).firstResult();
    }

    public static Claim findByPatientControlNumber(String patientControlNumber) {
        return find("patientControlNumber", patientControlNumber).firstResult();
    }
}
