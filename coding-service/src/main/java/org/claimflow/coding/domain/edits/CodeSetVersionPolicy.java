package org.claimflow.coding.domain.edits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.claimflow.coding.domain.Finding;
import org.claimflow.coding.domain.Severity;

/**
 * Picks, for each code set, the version in force on the date of service. When no loaded version covers
 * the date the nearest one is used and a warning says so: old tables are the operator's problem, not a
 * reason to hold a claim.
 */
public final class CodeSetVersionPolicy {

    public static final String RULE_ID = "CODESET_VERSION";

    private CodeSetVersionPolicy() {
    }

    public record Selection(Map<CodeSet, CodeSetVersion> versions, List<Finding> warnings) {
    }

    public static Selection select(List<CodeSetVersion> loaded, LocalDate dateOfService) {
        Map<CodeSet, CodeSetVersion> chosen = new EnumMap<>(CodeSet.class);
        List<CodeSetVersion> after = new ArrayList<>();
        List<CodeSetVersion> before = new ArrayList<>();
        for (CodeSet set : CodeSet.values()) {
            List<CodeSetVersion> versions = loaded.stream().filter(v -> v.set() == set)
                    .sorted(Comparator.comparing(CodeSetVersion::effectiveFrom)).toList();
            if (versions.isEmpty()) {
                continue;
            }
            CodeSetVersion covering = null;
            for (CodeSetVersion v : versions) {
                if (v.covers(dateOfService)) {
                    covering = v; // the latest covering version wins when versions overlap
                }
            }
            if (covering != null) {
                chosen.put(set, covering);
            } else if (dateOfService.isBefore(versions.get(0).effectiveFrom())) {
                chosen.put(set, versions.get(0));
                before.add(versions.get(0));
            } else {
                CodeSetVersion newest = versions.stream()
                        .filter(v -> !v.effectiveFrom().isAfter(dateOfService)).reduce((a, b) -> b).orElseThrow();
                chosen.put(set, newest);
                after.add(newest);
            }
        }
        List<Finding> warnings = new ArrayList<>();
        if (!after.isEmpty()) {
            warnings.add(warning(dateOfService, "after the newest loaded version of", after));
        }
        if (!before.isEmpty()) {
            warnings.add(warning(dateOfService, "before the oldest loaded version of", before));
        }
        return new Selection(chosen, List.copyOf(warnings));
    }

    private static Finding warning(LocalDate dos, String where, List<CodeSetVersion> versions) {
        String applied = String.join(", ", versions.stream().map(v -> v.source() + " (" + v.effectiveFrom() + " to "
                + (v.effectiveTo() == null ? "open" : v.effectiveTo()) + ")").toList());
        return new Finding(RULE_ID, Severity.WARNING, "Date of service " + dos + " is " + where + " "
                + versions.size() + " code set(s); the edits applied " + applied + ".",
                versions.stream().map(CodeSetVersion::tag).toList(), List.of(), "coding-service code-set catalogue",
                "Nothing to do on this encounter; the operator should load the code sets in force on " + dos + ".");
    }
}
