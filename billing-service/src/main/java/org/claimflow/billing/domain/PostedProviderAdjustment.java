package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One PLB adjustment of a posted 835 (provider level, not one claim's): positive reduced the payment (e.g. WO
 * overpayment recovery), negative added to it (e.g. L6 interest).
 */
@Entity
@Table(name = "provider_adjustment")
public class PostedProviderAdjustment extends PanacheEntityBase {

    /** Numbered by Hibernate from the sequence (increment 50 in V7), so its inserts go out in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "provider_adjustment_id_seq")
    @SequenceGenerator(name = "provider_adjustment_id_seq", sequenceName = "provider_adjustment_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "remittance_id", nullable = false)
    public UUID remittanceId;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "fiscal_period_date")
    public LocalDate fiscalPeriodDate;

    @Column(name = "reason_code", nullable = false)
    public String reasonCode;

    @Column(name = "reference_id")
    public String referenceId;

    @Column(nullable = false)
    public BigDecimal amount;

    public static List<PostedProviderAdjustment> ofRemittance(UUID remittanceId) {
        return list("remittanceId = ?1 order by id", remittanceId);
    }
}
