package org.claimflow.coding.domain;

import java.util.List;

/**
 * One result of a coding edit, written for a coder: which rule, how serious, what is wrong, which codes
 * and lines, and what to do about it.
 *
 * @param ruleId       stable id of the rule, e.g. {@code ICD10_FORMAT}
 * @param lineNumbers  1-based service line numbers involved; empty for claim-level findings
 * @param source       the data or standard the rule comes from
 * @param modifierIndicator for {@code NCCI_PTP} findings the edit's modifier indicator ({@code 0}: no modifier or
 *                     override can bypass it, {@code 1}: an NCCI-associated modifier can); null for other rules.
 *                     Rules decide on this field, never on the message text.
 */
public record Finding(
        String ruleId,
        Severity severity,
        String message,
        List<String> codes,
        List<Integer> lineNumbers,
        String source,
        String suggestedFix,
        String modifierIndicator) {

    public Finding(String ruleId, Severity severity, String message, List<String> codes, List<Integer> lineNumbers,
                   String source, String suggestedFix) {
        this(ruleId, severity, message, codes, lineNumbers, source, suggestedFix, null);
    }

    public static Finding error(String ruleId, String message, List<String> codes, List<Integer> lines,
                                String source, String suggestedFix) {
        return new Finding(ruleId, Severity.ERROR, message, codes, lines, source, suggestedFix);
    }

    public boolean holds() {
        return severity == Severity.ERROR;
    }
}
