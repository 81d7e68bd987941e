package org.claimflow.coding.domain.edits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.claimflow.coding.domain.CodedEncounter;
import org.claimflow.coding.domain.Finding;

/**
 * Medically unlikely edits: the most units of a code for one patient on one date. MAI 1 counts per line;
 * MAI 2 (policy, absolute) and MAI 3 (clinical, appealable) count all lines of the date together.
 */
public final class MuePolicy {

    public static final String RULE_ID = "NCCI_MUE";

    private MuePolicy() {
    }

    public static List<Finding> check(CodedEncounter encounter, CodeSetRows rows) {
        if (!rows.has(CodeSet.NCCI_MUE)) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, List<CodedEncounter.Line>> byCode = new LinkedHashMap<>();
        for (CodedEncounter.Line line : encounter.serviceLines()) {
            byCode.computeIfAbsent(line.procedureCode(), c -> new ArrayList<>()).add(line);
        }
        String source = rows.source(CodeSet.NCCI_MUE);
        byCode.forEach((code, lines) -> {
            CodeSetRows.Mue mue = rows.mues().get(code);
            if (mue == null) {
                return;
            }
            if (mue.mai() == 1) {
                for (CodedEncounter.Line line : lines) {
                    if (line.units() > mue.units()) {
                        findings.add(finding(code, line.units(), List.of(line.lineNumber()), mue, source));
                    }
                }
            } else {
                int units = lines.stream().mapToInt(CodedEncounter.Line::units).sum();
                if (units > mue.units()) {
                    findings.add(finding(code, units, lines.stream().map(CodedEncounter.Line::lineNumber).toList(), mue, source));
                }
            }
        });
        return List.copyOf(findings);
    }

    private static Finding finding(String code, int units, List<Integer> lines, CodeSetRows.Mue mue, String source) {
        String mai = switch (mue.mai()) {
            case 1 -> "MAI 1, per line";
            case 2 -> "MAI 2, per date of service, policy: not payable above the limit even on appeal";
            default -> "MAI 3, per date of service, clinical: units above the limit may be paid on appeal with documentation";
        };
        String fix = switch (mue.mai()) {
            case 1 -> "Check the units; if more were given at separate sites or sessions, bill them on separate lines with an anatomic modifier or 59/XS.";
            case 2 -> "Bill at most " + mue.units() + " unit(s) of " + code + " for the date.";
            default -> "Check the units against the record; bill at most " + mue.units() + " and appeal with documentation if more were medically necessary.";
        };
        return Finding.error(RULE_ID, code + " is billed with " + units + " unit(s) for the date of service; the MUE allows "
                + mue.units() + " (" + mai + "; " + mue.rationale() + ").", List.of(code), lines, source, fix);
    }
}
