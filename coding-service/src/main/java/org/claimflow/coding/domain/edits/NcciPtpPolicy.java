package org.claimflow.coding.domain.edits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.claimflow.coding.domain.CodedEncounter;
import org.claimflow.coding.domain.Finding;
import org.claimflow.coding.domain.Severity;

/**
 * NCCI procedure-to-procedure edits: of a pair of lines billed on the same date, the column-2 code is not
 * payable unless the edit allows a modifier (indicator 1) and an NCCI-associated modifier is on either line.
 * Indicator 0 is never bypassed; indicator 9 means the edit does not apply.
 */
public final class NcciPtpPolicy {

    public static final String RULE_ID = "NCCI_PTP";

    /** NCCI-associated modifiers (CMS NCCI Policy Manual, ch. I): anatomic, global surgery, other. */
    public static final Set<String> NCCI_MODIFIERS = Set.of(
            "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
            "LC", "LD", "LM", "RC", "RI", "LT", "RT", "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9",
            "24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XS", "XP", "XU");

    static final String NEVER_BYPASSED = "modifier indicator 0, no modifier can bypass this edit";

    private NcciPtpPolicy() {
    }

    /** True for a PTP finding of an edit with modifier indicator 0: no modifier (and no override) can bypass it. */
    public static boolean neverBypassed(Finding finding) {
        return RULE_ID.equals(finding.ruleId()) && "0".equals(finding.modifierIndicator());
    }

    /** Distinct code pairs of the encounter in both orders: what to look up (at most n·(n−1) pairs). */
    public static List<String[]> pairsToLookUp(CodedEncounter encounter) {
        List<String[]> pairs = new ArrayList<>();
        List<CodedEncounter.Line> lines = encounter.serviceLines();
        for (int i = 0; i < lines.size(); i++) {
            for (int j = i + 1; j < lines.size(); j++) {
                String a = lines.get(i).procedureCode();
                String b = lines.get(j).procedureCode();
                if (!a.equals(b)) {
                    pairs.add(new String[] {a, b});
                    pairs.add(new String[] {b, a});
                }
            }
        }
        return pairs;
    }

    public static List<Finding> check(CodedEncounter encounter, CodeSetRows rows) {
        if (!rows.has(CodeSet.NCCI_PTP)) {
            return List.of();
        }
        // The edit in force per pair; when a deleted and an active row coexist only the active one counts,
        // and when two apply the stricter indicator (0) wins.
        Map<String, CodeSetRows.PtpEdit> edits = new HashMap<>();
        for (CodeSetRows.PtpEdit edit : rows.ptpEdits()) {
            if (edit.appliesOn(encounter.dateOfService()) && edit.modifierIndicator() != '9') {
                edits.merge(edit.column1() + "|" + edit.column2(), edit,
                        (x, y) -> x.modifierIndicator() == '0' ? x : y);
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<CodedEncounter.Line> lines = encounter.serviceLines();
        for (CodedEncounter.Line first : lines) {
            for (CodedEncounter.Line second : lines) {
                CodeSetRows.PtpEdit edit = edits.get(first.procedureCode() + "|" + second.procedureCode());
                if (first == second || edit == null) {
                    continue;
                }
                boolean bypassed = edit.modifierIndicator() == '1'
                        && (hasNcciModifier(first) || hasNcciModifier(second));
                if (!bypassed) {
                    findings.add(finding(first, second, edit, rows.source(CodeSet.NCCI_PTP)));
                }
            }
        }
        return List.copyOf(findings);
    }

    private static boolean hasNcciModifier(CodedEncounter.Line line) {
        return line.modifiers().stream().anyMatch(NCCI_MODIFIERS::contains);
    }

    private static Finding finding(CodedEncounter.Line column1, CodedEncounter.Line column2, CodeSetRows.PtpEdit edit, String source) {
        String message = column2.procedureCode() + " (line " + column2.lineNumber() + ") is a column-2 code of "
                + column1.procedureCode() + " (line " + column1.lineNumber() + ") under an NCCI PTP edit ("
                + edit.rationale() + "): it is not payable with it on the same date"
                + (edit.modifierIndicator() == '0' ? "; " + NEVER_BYPASSED + "." : " without an NCCI-associated modifier.");
        String fix;
        if (edit.modifierIndicator() == '0') {
            fix = "Remove line " + column2.lineNumber() + " (" + column2.procedureCode() + "); the two codes are never paid together.";
        } else if (isEvaluationAndManagement(column2.procedureCode())) {
            fix = "If the E/M on line " + column2.lineNumber() + " was significant and separately identifiable, add modifier 25 to it; otherwise remove line "
                    + column2.lineNumber() + ".";
        } else {
            fix = "Add modifier 59/XS (separate site), XE (separate encounter), XP (separate practitioner) or XU (unusual, non-overlapping service) "
                    + "if the procedures were distinct, or an anatomic modifier (LT/RT, F1–F9, T1–T9); otherwise remove line " + column2.lineNumber() + ".";
        }
        return new Finding(RULE_ID, Severity.ERROR, message, List.of(column1.procedureCode(), column2.procedureCode()),
                List.of(column1.lineNumber(), column2.lineNumber()), source, fix, String.valueOf(edit.modifierIndicator()));
    }

    private static boolean isEvaluationAndManagement(String code) {
        return code.matches("99[2-4][0-9]{2}");
    }
}
