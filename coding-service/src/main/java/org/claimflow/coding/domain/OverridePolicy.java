package org.claimflow.coding.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.claimflow.coding.domain.edits.NcciPtpPolicy;

/**
 * Which findings a coder may override, and which findings an override covers. The rules that must never be
 * overridden are kept here, as data, in one place.
 */
public final class OverridePolicy {

    /**
     * The rules that can not be overridden, and when: a code that is not a billable ICD-10-CM code, or an NPI
     * that fails its check digit, is rejected by every payer (always); an NCCI PTP pair is never paid together
     * when its edit has modifier indicator 0 (only then).
     */
    public static final Map<String, Predicate<Finding>> NOT_OVERRIDABLE = Map.of(
            "ICD10_FORMAT", OverridePolicy::always,
            "ICD10_UNKNOWN", OverridePolicy::always,
            "ICD10_NOT_BILLABLE", OverridePolicy::always,
            "NPI_CHECK_DIGIT", OverridePolicy::always,
            NcciPtpPolicy.RULE_ID, NcciPtpPolicy::neverBypassed);

    private OverridePolicy() {
    }

    private static boolean always(Finding finding) {
        return true;
    }

    /** True when no finding of this rule can ever be overridden, whatever its details. */
    public static boolean ruleNeverOverridable(String ruleId) {
        Predicate<Finding> p = NOT_OVERRIDABLE.get(ruleId);
        return p != null && p.test(new Finding(ruleId, Severity.ERROR, "", List.of(), List.of(), "", null));
    }

    public static boolean overridable(Finding finding) {
        Predicate<Finding> p = NOT_OVERRIDABLE.get(finding.ruleId());
        return p == null || !p.test(finding);
    }

    /** Whether an override of ruleId (restricted to lines, when not empty) covers this finding. */
    public static boolean covers(String ruleId, List<Integer> lines, Finding finding) {
        if (!ruleId.equals(finding.ruleId())) {
            return false;
        }
        List<Integer> involved = finding.lineNumbers() == null ? List.of() : finding.lineNumbers();
        return lines == null || lines.isEmpty() || involved.containsAll(lines);
    }

    /** A finding that holds the encounter: an error no permitted override covers. */
    public static boolean stillHolds(Finding finding, List<EncounterOverride> overrides) {
        if (!finding.holds()) {
            return false;
        }
        if (!overridable(finding)) {
            return true;
        }
        return overrides.stream().noneMatch(o -> covers(o.ruleId, o.lines(), finding));
    }
}
