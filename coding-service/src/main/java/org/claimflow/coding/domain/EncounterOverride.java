package org.claimflow.coding.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A coder's override of a finding: the rule (and lines) it covers, who decided it, when and why. */
@Entity
@Table(name = "encounter_override")
public class EncounterOverride extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "encounter_id", nullable = false)
    public UUID encounterId;

    @Column(name = "practice_id", nullable = false)
    public String practiceId;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    /** Empty: every finding of the rule; otherwise only findings that involve all of these lines. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "line_numbers", nullable = false)
    public String lineNumbers;

    /** The covered lines (JSON array of ints in the column). */
    public List<Integer> lines() {
        String body = lineNumbers == null ? "" : lineNumbers.replaceAll("[\\[\\]\\s]", "");
        return body.isEmpty() ? List.of() : Arrays.stream(body.split(",")).map(Integer::valueOf).toList();
    }

    public void lines(List<Integer> lines) {
        lineNumbers = lines.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    @Column(nullable = false)
    public String reason;

    @Column(name = "overridden_by", nullable = false)
    public String overriddenBy;

    @Column(name = "overridden_at", nullable = false)
    public Instant overriddenAt;

    public static List<EncounterOverride> of(UUID encounterId) {
        return list("encounterId = ?1 order by id", encounterId);
    }
}
