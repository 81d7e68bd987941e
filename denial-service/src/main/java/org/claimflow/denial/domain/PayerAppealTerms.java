package org.claimflow.denial.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A payer's row of the deadline table; payer {@code *} is the default for payers not listed. */
@Entity
@Table(name = "payer_appeal_policy")
public class PayerAppealTerms extends PanacheEntityBase {

    public static final String DEFAULT_PAYER = "*";

    @Id
    @Column(name = "payer_id")
    public String payerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PayerKind kind;

    @Column(name = "appeal_window_days", nullable = false)
    public int appealWindowDays;

    @Column(name = "receipt_presumption_days", nullable = false)
    public int receiptPresumptionDays;

    @Column(name = "timely_filing_days", nullable = false)
    public int timelyFilingDays;

    /** The payer's own terms, else the default row, else {@link AppealTerms#FALLBACK}. */
    public static AppealTerms forPayer(String payerId) {
        PayerAppealTerms row = findById(payerId);
        if (row == null) {
            row = findById(DEFAULT_PAYER);
        }
        return row == null ? AppealTerms.FALLBACK
                : new AppealTerms(row.payerId, row.kind, row.appealWindowDays, row.receiptPresumptionDays, row.timelyFilingDays);
    }
}
