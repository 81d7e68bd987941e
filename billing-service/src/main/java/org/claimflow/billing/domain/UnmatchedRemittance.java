package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A claim payment in a remittance that matches none of our claims: kept for a person to work. */
@Entity
@Table(name = "unmatched_remittance")
public class UnmatchedRemittance extends PanacheEntityBase {

    /** Numbered by Hibernate from the sequence (increment 50 in V7), so its inserts go out in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unmatched_remittance_id_seq")
    @SequenceGenerator(name = "unmatched_remittance_id_seq", sequenceName = "unmatched_remittance_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "remittance_id", nullable = false)
    public UUID remittanceId;

    @Column(name = "patient_control_number", nullable = false)
    public String patientControlNumber;

    @Column(name = "payer_claim_control_number")
    public String payerClaimControlNumber;

    @Column(name = "claim_status_code", nullable = false)
    public String claimStatusCode;

    @Column(name = "charge_amount", nullable = false)
    public BigDecimal chargeAmount;

    @Column(name = "paid_amount", nullable = false)
    public BigDecimal paidAmount;

    @Column(nullable = false)
    public String reason;
}
