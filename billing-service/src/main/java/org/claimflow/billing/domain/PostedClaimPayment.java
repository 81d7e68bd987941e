package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One claim's adjudication in one remittance (CLP); a reversal is another row with negative amounts. */
@Entity
@Table(name = "claim_payment")
public class PostedClaimPayment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "remittance_id", nullable = false)
    public UUID remittanceId;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(name = "claim_status_code", nullable = false)
    public String claimStatusCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AdjudicationOutcome outcome;

    @Column(name = "charge_amount", nullable = false)
    public BigDecimal chargeAmount;

    @Column(name = "paid_amount", nullable = false)
    public BigDecimal paidAmount;

    @Column(name = "patient_responsibility", nullable = false)
    public BigDecimal patientResponsibility;

    /** AMT*I: the claim's interest, as information; not part of paidAmount (CLP04), paid in the remittance's PLB L6. */
    @Column(name = "interest_amount", nullable = false)
    public BigDecimal interestAmount = BigDecimal.ZERO;

    @Column(name = "payer_claim_control_number")
    public String payerClaimControlNumber;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    public static List<PostedClaimPayment> ofRemittance(UUID remittanceId) {
        return list("remittanceId", remittanceId);
    }
}
