package org.claimflow.coding.domain.edits;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.claimflow.coding.domain.CodedEncounter;
import org.claimflow.coding.domain.Finding;
import org.claimflow.coding.domain.Severity;

/**
 * NCCI add-on codes need a primary code on the same claim. Edit type 1 lists every eligible primary
 * (missing → error); type 3 lists some (missing → warning, the contractor may accept others); type 2 lists
 * none, so there is nothing to check.
 */
public final class AddOnCodePolicy {

    public static final String RULE_ID = "NCCI_ADD_ON";
    private static final String ANY_PRIMARY = "CCCCC";

    private AddOnCodePolicy() {
    }

    public static List<Finding> check(CodedEncounter encounter, CodeSetRows rows) {
        if (!rows.has(CodeSet.NCCI_AOC)) {
            return List.of();
        }
        Set<String> codes = encounter.serviceLines().stream().map(CodedEncounter.Line::procedureCode).collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        for (CodedEncounter.Line line : encounter.serviceLines()) {
            List<CodeSetRows.AddOnEdit> edits = rows.addOnEdits().getOrDefault(line.procedureCode(), List.of());
            List<String> primaries = edits.stream().map(CodeSetRows.AddOnEdit::primaryCode)
                    .filter(p -> !ANY_PRIMARY.equals(p)).distinct().sorted().toList();
            if (primaries.isEmpty() || primaries.stream().anyMatch(codes::contains)) {
                continue;
            }
            boolean complete = edits.stream().anyMatch(e -> e.editType() == 1);
            String listed = primaries.size() <= 8 ? String.join(", ", primaries)
                    : String.join(", ", primaries.subList(0, 8)) + " and " + (primaries.size() - 8) + " more";
            findings.add(new Finding(RULE_ID, complete ? Severity.ERROR : Severity.WARNING,
                    line.procedureCode() + " (line " + line.lineNumber() + ") is an add-on code billed without "
                            + (complete ? "an eligible" : "a listed") + " primary code on the encounter (AOC edit type "
                            + (complete ? 1 : 3) + "; eligible primaries: " + listed + ").",
                    List.of(line.procedureCode()), List.of(line.lineNumber()), rows.source(CodeSet.NCCI_AOC),
                    "Add the primary procedure that " + line.procedureCode() + " is performed with (e.g. " + primaries.get(0)
                            + "), or remove line " + line.lineNumber() + "."));
        }
        return List.copyOf(findings);
    }
}
