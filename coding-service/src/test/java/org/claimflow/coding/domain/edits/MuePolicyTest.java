package org.claimflow.coding.domain.edits;

import static org.claimflow.coding.domain.edits.Rows.line;
import static org.claimflow.coding.domain.edits.Rows.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimflow.coding.domain.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MuePolicyTest {

    /** Real rows of ncci_mue_practitioner_2024Q3.tsv. */
    private static final CodeSetRows ROWS = Rows.of()
            .mue("99486", 4, 1, "Clinical: CMS Workgroup")
            .mue("11102", 1, 2, "Code Descriptor / CPT Instruction")
            .mue("36415", 2, 3, "CMS Policy")
            .mue("J3301", 16, 3, "Prescribing Information")
            .build();

    @ParameterizedTest(name = "{0}: {1} unit(s) → held {2}")
    @CsvSource({
            "99486, 4, false", "99486, 5, true",
            "11102, 1, false", "11102, 2, true",
            "36415, 2, false", "36415, 3, true",
            "J3301, 16, false", "J3301, 17, true",
    })
    void holdsUnitsAboveTheMueAndPassesUnitsAtTheLimit(String code, int units, boolean held) {
        List<Finding> findings = MuePolicy.check(lines(line(1, code, units)), ROWS);
        assertEquals(held ? List.of("NCCI_MUE") : List.of(), findings.stream().map(Finding::ruleId).toList());
    }

    @Test
    void addsUpTheLinesOfTheDateForMaiTwoAndThreeAndNamesTheMai() {
        Finding f = MuePolicy.check(lines(line(1, "36415", 2), line(2, "36415", 1)), ROWS).get(0);
        assertEquals(List.of(1, 2), f.lineNumbers());
        assertTrue(f.message().contains("3 unit(s)") && f.message().contains("MAI 3"), f.message());
        assertEquals("NCCI MUE practitioner 2024Q3", f.source());
        Finding policy = MuePolicy.check(lines(line(1, "11102", 1), line(2, "11102", 1)), ROWS).get(0);
        assertTrue(policy.message().contains("MAI 2"), policy.message());
    }

    @Test
    void countsEachLineOnItsOwnForMaiOne() {
        assertEquals(List.of(), MuePolicy.check(lines(line(1, "99486", 4), line(2, "99486", 4)), ROWS));
        Finding f = MuePolicy.check(lines(line(1, "99486", 4), line(2, "99486", 6)), ROWS).get(0);
        assertEquals(List.of(2), f.lineNumbers());
        assertTrue(f.message().contains("MAI 1"), f.message());
    }
}
