package org.claimflow.coding.domain.edits;

import static org.claimflow.coding.domain.edits.Rows.DOS;
import static org.claimflow.coding.domain.edits.Rows.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.claimflow.coding.domain.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiagnosisCodePolicyTest {

    /** Real rows of icd10cm_order_fy2024 and icd10cm_medicare_code_edits_v41.1. */
    private static final CodeSetRows ROWS = Rows.of()
            .icd("E11", 0).icd("E119", 1).icd("I10", 1).icd("A33", 1).icd("A4851", 1).icd("O0900", 1).icd("N400", 1)
            .icd("C61", 1).icd("N952", 1).icd("Z0000", 1).icd("D630", 1)
            .mce("A33", "Age", "Perinatal/Newborn (Age 0 Only)", 0, 0, null)
            .mce("A48.51", "Age", "Pediatric (Ages 0-17)", 0, 17, null)
            .mce("O09.00", "Age", "Maternity (Ages 9-64)", 9, 64, null)
            .mce("O09.00", "Sex", "Female Only", null, null, "F")
            .mce("N40.0", "Age", "Adult (Ages 15-124)", 15, 124, null)
            .mce("N40.0", "Sex", "Male Only", null, null, "M")
            .mce("Z00.00", "Age", "Adult (Ages 15-124)", 15, 124, null)
            .mce("C61", "Sex", "Male Only", null, null, "M")
            .mce("N95.2", "Sex", "Female Only", null, null, "F")
            .mce("D63.0", "Other", "Manifestation (Not Allowed as Principal Diagnosis)", null, null, null)
            .build();

    private static List<String> rules(List<String> dx, LocalDate dob, String sex) {
        return DiagnosisCodePolicy.check(Rows.encounter(DOS, dob, sex, dx, line(1, "99213", 1)), ROWS).stream()
                .map(Finding::ruleId).toList();
    }

    @Test
    void holdsACategoryHeaderAndPassesItsBillableCode() {
        assertEquals(List.of("ICD10_NOT_BILLABLE"), rules(List.of("E11"), LocalDate.of(1980, 2, 14), "F"));
        assertEquals(List.of(), rules(List.of("E11.9"), LocalDate.of(1980, 2, 14), "F"));
        assertEquals(List.of(), rules(List.of("E119"), LocalDate.of(1980, 2, 14), "F"));
    }

    @Test
    void holdsACodeThatIsNotInTheCodeSetWithItsVersion() {
        Finding f = DiagnosisCodePolicy.check(Rows.encounter(DOS, LocalDate.of(1980, 2, 14), "F", List.of("E11.99"),
                line(1, "99213", 1)), ROWS).get(0);
        assertEquals("ICD10_UNKNOWN", f.ruleId());
        assertEquals("ICD-10-CM FY2024", f.source());
        assertEquals(List.of(1), f.lineNumbers());
    }

    @ParameterizedTest(name = "{0}, born {1} (DOS 2024-08-15) → {2}")
    @CsvSource({
            "A33,    2024-03-01, ''",          // newborn: age 0
            "A33,    2023-08-15, MCE_AGE",     // turned 1 on the date of service
            "A48.51, 2006-08-16, ''",          // 17, turns 18 the day after
            "A48.51, 2006-08-15, MCE_AGE",     // 18 on the date of service
            "O09.00, 2015-08-15, ''",          // 9
            "O09.00, 2015-08-16, MCE_AGE",     // 8
            "O09.00, 1959-08-16, ''",          // 64
            "O09.00, 1959-08-15, MCE_AGE",     // 65
            "Z00.00, 2009-08-15, ''",          // 15
            "Z00.00, 2009-08-16, MCE_AGE",     // 14
    })
    void appliesTheMceAgeRangesWithTheAgeOnTheDateOfService(String dx, LocalDate dob, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), rules(List.of(dx), dob, "F"));
    }

    @ParameterizedTest(name = "{0} for sex {1} → {2}")
    @CsvSource({
            "C61, M, ''", "C61, F, MCE_SEX", "C61, U, ''",
            "N95.2, F, ''", "N95.2, M, MCE_SEX",
            "N40.0, M, ''", "N40.0, F, MCE_SEX",
    })
    void appliesTheMceSexEdits(String dx, String sex, String expected) {
        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), rules(List.of(dx), LocalDate.of(1970, 1, 1), sex));
    }

    @Test
    void holdsAManifestationCodeOnlyWhenItIsThePrincipalDiagnosis() {
        assertEquals(List.of("MCE_MANIFESTATION"), rules(List.of("D63.0", "C61"), LocalDate.of(1950, 1, 1), "M"));
        assertEquals(List.of(), rules(List.of("C61", "D63.0"), LocalDate.of(1950, 1, 1), "M"));
    }

    @Test
    void leavesMalformedCodesToTheFormatCheck() {
        assertEquals(List.of(), rules(List.of("XYZ"), LocalDate.of(1980, 2, 14), "F"));
    }

    @Test
    void writesTheAgeIntoTheMessage() {
        Finding f = DiagnosisCodePolicy.check(Rows.encounter(DOS, LocalDate.of(2009, 8, 16), "F", List.of("Z00.00"),
                line(1, "99213", 1)), ROWS).get(0);
        assertTrue(f.message().contains("the patient is 14"), f.message());
        assertEquals("Medicare Code Editor v41.1", f.source());
    }
}
