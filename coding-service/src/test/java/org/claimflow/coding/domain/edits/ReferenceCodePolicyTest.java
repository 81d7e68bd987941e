package org.claimflow.coding.domain.edits;

import static org.claimflow.coding.domain.edits.Rows.DOS;
import static org.claimflow.coding.domain.edits.Rows.line;
import static org.claimflow.coding.domain.edits.Rows.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.claimflow.coding.domain.CodedEncounter;
import org.claimflow.coding.domain.Finding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceCodePolicyTest {

    /** Real rows of hcpcs_level2_2024Q3, modifiers_2024 and place_of_service_codes_2024. */
    private static final CodeSetRows ROWS = Rows.of()
            .hcpcs("G0439", "2011-01-01", null).hcpcs("J1100", "1982-01-01", null).hcpcs("A4397", "1990-01-01", "2021-12-31")
            .modifiers("25", "59", "XS", "LT", "RT", "GT", "KX")
            .pos("02", "10", "11", "22")
            .build();

    private static List<String> rules(String code, String modifier, String pos) {
        CodedEncounter.Line line = modifier == null ? line(1, code, 1) : line(1, code, 1, modifier);
        CodedEncounter e = new CodedEncounter(DOS, pos, LocalDate.of(1980, 1, 1), "F", "1234567893", null, List.of("I10"),
                List.of(line));
        return ReferenceCodePolicy.check(e, ROWS).stream().map(Finding::ruleId).toList();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "G0439, ''", "J1100, ''",
            "G0099, HCPCS_UNKNOWN",
            "A4397, HCPCS_TERMINATED",
            "99213, ''",   // CPT numbers are not looked up: no CPT table
            "99999, ''",
    })
    void checksHcpcsLevelTwoCodesExistAndAreNotTerminated(String code, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), rules(code, null, "11"));
    }

    @ParameterizedTest(name = "modifier {0} → {1}")
    @CsvSource({"25, ''", "XS, ''", "KX, ''", "ZZ, MODIFIER_UNKNOWN", "9Z, MODIFIER_UNKNOWN"})
    void checksModifiersExist(String modifier, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), rules("99213", modifier, "11"));
    }

    @ParameterizedTest(name = "POS {0} → {1}")
    @CsvSource({"11, ''", "02, ''", "00, POS_UNKNOWN", "1X, ''"})
    void checksThePlaceOfServiceExists(String pos, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), rules("99213", null, pos));
    }

    @ParameterizedTest(name = "{0} units → {1}")
    @CsvSource({"1, ''", "0, UNITS_POSITIVE"})
    void holdsALineWithoutUnits(int units, String expected) {
        CodedEncounter e = lines(new CodedEncounter.Line(1, "99213", List.of(), units, List.of(1), new BigDecimal("10.00")));
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected),
                ReferenceCodePolicy.check(e, ROWS).stream().map(Finding::ruleId).toList());
    }
}
