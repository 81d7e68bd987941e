package org.claimflow.eligibility.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One eligibility question and its answer, kept for audit with the X12 exchanged: asked by a person
 * through the API ({@code claimId} null) or for a claim. A check for a claim that reused a recent answer
 * names the check that really asked the payer ({@code answeredByCheckId}) and holds no X12 of its own.
 */
@Entity
@Table(name = "eligibility_check")
public class EligibilityCheck extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "claim_id")
    public UUID claimId;

    @Column(name = "encounter_id")
    public UUID encounterId;

    @Column(name = "payer_id", nullable = false)
    public String payerId;

    @Column(name = "member_id", nullable = false)
    public String memberId;

    @Column(name = "date_of_service", nullable = false)
    public LocalDate dateOfService;

    /** The service type codes asked for, comma-separated, in the order asked. */
    @Column(name = "service_type_codes", nullable = false)
    public String serviceTypeCodes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CoverageStatus status;

    @Column(name = "reason_code")
    public String reasonCode;

    public String reason;

    @Column(name = "plan_name")
    public String planName;

    @Column(name = "group_number")
    public String groupNumber;

    @Column(name = "coverage_start")
    public LocalDate coverageStart;

    @Column(name = "coverage_end")
    public LocalDate coverageEnd;

    public BigDecimal copay;

    public BigDecimal coinsurance;

    @Column(name = "deductible_total")
    public BigDecimal deductibleTotal;

    @Column(name = "deductible_remaining")
    public BigDecimal deductibleRemaining;

    @Column(name = "out_of_pocket_total")
    public BigDecimal outOfPocketTotal;

    @Column(name = "out_of_pocket_remaining")
    public BigDecimal outOfPocketRemaining;

    /** The per-service-type figures ({@link ServiceTypeBenefits}), JSON array. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String benefits;

    @Column(name = "answered_by_check_id")
    public UUID answeredByCheckId;

    @Column(name = "interchange_control_number")
    public Integer interchangeControlNumber;

    @Column(name = "raw_270")
    public String raw270;

    @Column(name = "raw_271")
    public String raw271;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> serviceTypeCodeList() {
        return Arrays.asList(serviceTypeCodes.split(","));
    }

    /**
     * The newest answer the payer itself gave (not an ERROR, not a reuse) for this practice, payer,
     * member and date of service since {@code notBefore}, whose first service type is the one wanted.
     */
    public static EligibilityCheck latestAnswer(String practiceId, String payerId, String memberId, LocalDate dateOfService,
                                                String firstServiceType, Instant notBefore) {
        return find("""
                        practiceId = ?1 and payerId = ?2 and memberId = ?3 and dateOfService = ?4
                        and (serviceTypeCodes = ?5 or serviceTypeCodes like ?6)
                        and answeredByCheckId is null and status <> ?7 and createdAt >= ?8
                        order by createdAt desc""",
                practiceId, payerId, memberId, dateOfService, firstServiceType, firstServiceType + ",%",
                CoverageStatus.ERROR, notBefore)
                .firstResult();
    }
}
