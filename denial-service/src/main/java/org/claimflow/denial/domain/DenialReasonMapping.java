package org.claimflow.denial.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the classification table; operators may change it without a release. */
@Entity
@Table(name = "denial_reason_map")
public class DenialReasonMapping extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "group_code", nullable = false)
    public String groupCode;

    @Column(nullable = false)
    public String carc;

    public String rarc;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DenialCategory category;

    @Column(name = "root_cause", nullable = false)
    public String rootCause;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WorkQueue queue;

    @Column(nullable = false)
    public boolean appealable;

    @Column(nullable = false)
    public boolean correctable;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static List<ReasonRule> rulesFor(Collection<String> carcs) {
        if (carcs.isEmpty()) {
            return List.of();
        }
        return DenialReasonMapping.<DenialReasonMapping>list("carc in ?1", carcs).stream()
                .map(DenialReasonMapping::toRule).toList();
    }

    public static List<DenialReasonMapping> forCarc(String carc) {
        return list("carc = ?1 order by groupCode, rarc nulls first", carc);
    }

    public static DenialReasonMapping findRule(String groupCode, String carc, String rarc) {
        return rarc == null
                ? find("groupCode = ?1 and carc = ?2 and rarc is null", groupCode, carc).firstResult()
                : find("groupCode = ?1 and carc = ?2 and rarc = ?3", groupCode, carc, rarc).firstResult();
    }

    public ReasonRule toRule() {
        return new ReasonRule(groupCode, carc, rarc, category, rootCause, queue, appealable, correctable);
    }
}
