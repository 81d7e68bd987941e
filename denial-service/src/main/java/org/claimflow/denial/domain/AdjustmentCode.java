package org.claimflow.denial.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A group code, CARC or RARC with its published description, for display next to a denial. */
@Entity
@Table(name = "adjustment_code")
@IdClass(AdjustmentCode.Key.class)
public class AdjustmentCode extends PanacheEntityBase {

    public static final String GROUP = "GROUP";
    public static final String CARC = "CARC";
    public static final String RARC = "RARC";

    @Id
    public String kind;

    @Id
    public String code;

    @Column(nullable = false)
    public String description;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    public static List<AdjustmentCode> of(String kind, Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return list("kind = ?1 and code in ?2", kind, codes);
    }

    public static boolean exists(String kind, String code) {
        return count("kind = ?1 and code = ?2", kind, code) > 0;
    }

    public static class Key implements Serializable {
        public String kind;
        public String code;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(kind, k.kind) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, code);
        }
    }
}
