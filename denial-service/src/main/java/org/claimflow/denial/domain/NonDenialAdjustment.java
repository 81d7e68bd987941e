package org.claimflow.denial.domain;

import java.io.Serializable;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of the table of adjustments that are not denials (contractual write-offs, patient responsibility). */
@Entity
@Table(name = "non_denial_adjustment")
@IdClass(NonDenialAdjustment.Key.class)
public class NonDenialAdjustment extends PanacheEntityBase {

    @Id
    @Column(name = "group_code")
    public String groupCode;

    @Id
    @Column(name = "reason_code")
    public String reasonCode;

    @Column(nullable = false)
    public String reason;

    public static NonDenialAdjustments all() {
        return NonDenialAdjustments.of(NonDenialAdjustment.<NonDenialAdjustment>listAll().stream()
                .map(row -> new String[] {row.groupCode, row.reasonCode}).toList());
    }

    public static class Key implements Serializable {
        public String groupCode;
        public String reasonCode;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(groupCode, k.groupCode) && Objects.equals(reasonCode, k.reasonCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupCode, reasonCode);
        }
    }
}
