package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One 835 transaction set as received, posted or refused. */
@Entity
@Table(name = "remittance")
public class PostedRemittance extends PanacheEntityBase {

    @Id
    public UUID id;

    /** SHA-256 of the whole file: the same file twice is recognised and posts nothing. */
    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;

    /** Which ST..SE of the file, from 0. */
    @Column(name = "transaction_index", nullable = false)
    public int transactionIndex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RemittanceStatus status;

    @Column(name = "payer_id")
    public String payerId;

    /** TRN02: the check or EFT number. */
    @Column(name = "trace_number")
    public String traceNumber;

    @Column(name = "payment_amount")
    public BigDecimal paymentAmount;

    @Column(name = "payment_method")
    public String paymentMethod;

    @Column(name = "payment_date")
    public LocalDate paymentDate;

    @Column(name = "claims_posted", nullable = false)
    public int claimsPosted;

    @Column(name = "claims_unmatched", nullable = false)
    public int claimsUnmatched;

    /**
     * REFUSED: why it was refused. POSTED: the warnings it was posted with (e.g. PLB L6 interest that is not the
     * claims' AMT*I), null when none. One problem a line; names segments and amounts, never patient data.
     */
    public String problems;

    @Column(nullable = false)
    public String content;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The practice whose biller uploaded it; null for a clearinghouse file, which pays claims of any practice. */
    @Column(name = "practice_id")
    public String practiceId;
}
