package org.claimflow.billing.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One 837P interchange, stored before it is sent so that a retry sends the very same bytes. */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    @Id
    public UUID id;

    /** One interchange per practice and payer: the practice of every claim in it. */
    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "payer_id", nullable = false)
    public String payerId;

    @Column(name = "interchange_control_number", nullable = false)
    public String interchangeControlNumber;

    @Column(name = "group_control_number", nullable = false)
    public String groupControlNumber;

    @Column(name = "transaction_control_number", nullable = false)
    public String transactionControlNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubmissionStatus status;

    @Column(nullable = false)
    public String x12;

    @Column(name = "claim_count", nullable = false)
    public int claimCount;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** The 999 as received. */
    public String acknowledgment;

    /** IK5/AK9 code of the 999: A accepted, E accepted with errors, R rejected. */
    @Column(name = "acknowledgment_code")
    public String acknowledgmentCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
