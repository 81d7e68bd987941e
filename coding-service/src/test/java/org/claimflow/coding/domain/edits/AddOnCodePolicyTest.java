package org.claimflow.coding.domain.edits;

import static org.claimflow.coding.domain.edits.Rows.line;
import static org.claimflow.coding.domain.edits.Rows.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimflow.coding.domain.Finding;
import org.claimflow.coding.domain.Severity;
import org.junit.jupiter.api.Test;

class AddOnCodePolicyTest {

    /** Real rows of ncci_addon_code_edits_2024-06.tsv. */
    private static final CodeSetRows ROWS = Rows.of()
            .aoc("11102", "11103", 1).aoc("11104", "11103", 1).aoc("11106", "11103", 1)
            .aoc("CCCCC", "0054T", 2)
            .aoc("11010", "20701", 3).aoc("11011", "20701", 3).aoc("11012", "20701", 3)
            .build();

    @Test
    void holdsAnAddOnCodeWithoutAnEligiblePrimary() {
        List<Finding> findings = AddOnCodePolicy.check(lines(line(1, "99213", 1), line(2, "11103", 1)), ROWS);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("NCCI_ADD_ON", f.ruleId());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(List.of(2), f.lineNumbers());
        assertTrue(f.message().contains("11102, 11104, 11106"), f.message());
        assertEquals("NCCI add-on code edits 2024Q3", f.source());
    }

    @Test
    void passesAnAddOnCodeWithItsPrimary() {
        assertEquals(List.of(), AddOnCodePolicy.check(lines(line(1, "11102", 1), line(2, "11103", 1)), ROWS));
        assertEquals(List.of(), AddOnCodePolicy.check(lines(line(1, "11106", 1), line(2, "11103", 2)), ROWS));
    }

    @Test
    void onlyWarnsForTypeThreeAndSaysNothingForTypeTwo() {
        assertEquals(List.of(Severity.WARNING), AddOnCodePolicy.check(lines(line(1, "20701", 1)), ROWS).stream()
                .map(Finding::severity).toList());
        assertEquals(List.of(), AddOnCodePolicy.check(lines(line(1, "11010", 1), line(2, "20701", 1)), ROWS));
        assertEquals(List.of(), AddOnCodePolicy.check(lines(line(1, "0054T", 1)), ROWS));
    }
}
