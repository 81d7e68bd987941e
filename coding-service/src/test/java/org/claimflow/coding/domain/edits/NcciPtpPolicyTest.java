package org.claimflow.coding.domain.edits;

import static org.claimflow.coding.domain.edits.Rows.line;
import static org.claimflow.coding.domain.edits.Rows.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.claimflow.coding.domain.CodedEncounter;
import org.claimflow.coding.domain.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NcciPtpPolicyTest {

    /** Real rows of ncci_ptp_practitioner_2024Q3.tsv.gz. */
    private static final CodeSetRows ROWS = Rows.of()
            .ptp("15780", "99213", "2019-12-31", '1', "CPT Manual or CMS manual coding instruction")
            .ptp("15780", "99213", "9999-12-31", '1', "CPT Manual or CMS manual coding instruction")
            .ptp("20610", "93000", "9999-12-31", '1', "Standards of medical/surgical practice")
            .ptp("0002M", "80047", "9999-12-31", '0', "Misuse of Column Two code with Column One code")
            .ptp("97140", "97530", "2019-12-31", '1', "Mutually exclusive procedures")
            .ptp("97140", "99213", "2000-10-30", '9', "Standards of medical/surgical practice")
            .build();

    private static List<Finding> check(CodedEncounter encounter) {
        return NcciPtpPolicy.check(encounter, ROWS);
    }

    @ParameterizedTest(name = "{0} + {1} with modifiers [{2}] / [{3}] → held: {4}")
    @CsvSource(delimiter = '|', value = {
            // column 1 | column 2 | modifiers on col 1 line | on col 2 line | held
            "15780 | 99213 |    |    | true",
            "15780 | 99213 |    | 25 | false",
            "15780 | 99213 | LT |    | false",
            "15780 | 99213 |    | GT | true",   // GT is not an NCCI-associated modifier
            "20610 | 93000 |    | XS | false",
            "20610 | 93000 |    | 59 | false",
            "20610 | 93000 |    |    | true",
            "0002M | 80047 |    | 59 | true",   // indicator 0: never bypassed
            "0002M | 80047 | XU | 59 | true",
    })
    void holdsTheColumnTwoLineUnlessAnAllowedModifierBypassesTheEdit(String col1, String col2, String mod1, String mod2, boolean held) {
        List<Finding> findings = check(lines(line(1, col2, 1, mods(mod2)), line(2, col1, 1, mods(mod1))));
        assertEquals(held, !findings.isEmpty(), findings.toString());
        if (held) {
            Finding f = findings.get(0);
            assertEquals("NCCI_PTP", f.ruleId());
            assertTrue(f.holds());
            assertEquals(List.of(col1, col2), f.codes());
            assertEquals(List.of(2, 1), f.lineNumbers());
            assertEquals("NCCI PTP practitioner 2024Q3", f.source());
            assertEquals(col1.equals("0002M") ? "0" : "1", f.modifierIndicator());
            assertEquals(1, findings.size());
        }
    }

    @Test
    void suggestsModifier25ForAnEvaluationAndManagementColumnTwoCode() {
        Finding f = check(lines(line(1, "99213", 1), line(2, "15780", 1))).get(0);
        assertTrue(f.suggestedFix().contains("modifier 25"), f.suggestedFix());
    }

    @Test
    void suggests59OrXsForProceduresAndSaysIndicatorZeroCannotBeBypassed() {
        assertTrue(check(lines(line(1, "20610", 1), line(2, "93000", 1))).get(0).suggestedFix().contains("59/XS"));
        Finding zero = check(lines(line(1, "0002M", 1), line(2, "80047", 1, "59"))).get(0);
        assertTrue(zero.message().contains("indicator 0"), zero.message());
        assertTrue(zero.suggestedFix().startsWith("Remove line 2"), zero.suggestedFix());
    }

    @Test
    void ignoresAnEditDeletedBeforeTheDateOfServiceButAppliesItBefore() {
        assertEquals(List.of(), check(lines(line(1, "97140", 1), line(2, "97530", 1))));
        CodedEncounter in2019 = Rows.encounter(LocalDate.of(2019, 6, 3), LocalDate.of(1980, 2, 14), "F", List.of("I10"),
                line(1, "97140", 1), line(2, "97530", 1));
        assertEquals(List.of("NCCI_PTP"), check(in2019).stream().map(Finding::ruleId).toList());
    }

    @Test
    void neverAppliesIndicatorNine() {
        CodedEncounter in2000 = Rows.encounter(LocalDate.of(2000, 6, 1), LocalDate.of(1960, 1, 1), "M", List.of("I10"),
                line(1, "97140", 1), line(2, "99213", 1));
        assertEquals(List.of(), check(in2000));
    }

    @Test
    void passesCodesWithoutAnEdit() {
        assertEquals(List.of(), check(lines(line(1, "99213", 1, "25"), line(2, "36415", 1))));
    }

    @Test
    void looksUpEachDistinctPairInBothOrders() {
        assertEquals(2 * 45, NcciPtpPolicy.pairsToLookUp(lines(
                line(1, "10001", 1), line(2, "10002", 1), line(3, "10003", 1), line(4, "10004", 1), line(5, "10005", 1),
                line(6, "10006", 1), line(7, "10007", 1), line(8, "10008", 1), line(9, "10009", 1), line(10, "10010", 1))).size());
    }

    private static String[] mods(String modifier) {
        return modifier == null ? new String[0] : new String[] {modifier};
    }
}
