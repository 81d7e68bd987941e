package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One service line (837P loop 2400). */
@Entity
@Table(name = "claim_line")
public class ClaimLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "claim_id", nullable = false)
    public UUID claimId;

    @Column(name = "line_number", nullable = false)
    public int lineNumber;

    @Column(name = "procedure_code", nullable = false)
    public String procedureCode;

    /** Comma separated, in order; empty when none. */
    @Column(nullable = false)
    public String modifiers;

    @Column(nullable = false)
    public int units;

    /** 1-based pointers into the claim's diagnoses, comma separated. */
    @Column(name = "diagnosis_pointers", nullable = false)
    public String diagnosisPointers;

    @Column(name = "charge_amount", nullable = false)
    public BigDecimal chargeAmount;

    /** REF*6R: unique per line, echoed by the payer in the 835 so payments find their line. */
    @Column(name = "line_item_control_number", nullable = false)
    public String lineItemControlNumber;

    @Column(name = "paid_amount", nullable = false)
    public BigDecimal paidAmount;

    /** AMT*B6 of the last remittance for this line; null until adjudicated. */
    @Column(name = "allowed_amount")
    public BigDecimal allowedAmount;

    public List<String> modifierList() {
        return modifiers.isEmpty() ? List.of() : Arrays.asList(modifiers.split(","));
    }

    public List<Integer> pointerList() {
        return Arrays.stream(diagnosisPointers.split(",")).map(Integer::valueOf).toList();
    }

    public static List<ClaimLine> of(UUID claimId) {
        return list("claimId = ?1 order by lineNumber", claimId);
    }
}
