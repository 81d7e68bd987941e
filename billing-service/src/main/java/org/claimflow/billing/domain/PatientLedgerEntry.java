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

/** One movement of a patient's balance; {@code amount} is signed (positive: the patient owes more). */
@Entity
@Table(name = "patient_ledger")
public class PatientLedgerEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "claim_payment_id")
    public UUID claimPaymentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LedgerEntryKind kind;

    @Column(nullable = false)
    public BigDecimal amount;

    @Enumerated(EnumType.STRING)
    public PaymentMethod method;

    public String reference;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public static List<PatientLedgerEntry> ofAccount(UUID accountId) {
        return list("accountId = ?1 order by occurredAt, id", accountId);
    }
}
