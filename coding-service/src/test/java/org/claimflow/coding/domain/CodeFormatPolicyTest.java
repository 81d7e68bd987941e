package org.claimflow.coding.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeFormatPolicyTest {

    private static CodedEncounter encounter(List<String> dx, String code, List<String> modifiers, List<Integer> pointers,
                                            String billingNpi) {
        return new CodedEncounter(LocalDate.of(2026, 10, 14), "11", LocalDate.of(1980, 2, 14), "F", billingNpi, null, dx,
                List.of(new CodedEncounter.Line(1, code, modifiers, 1, pointers, new BigDecimal("150.00"))));
    }

    @Test
    void passesAWellFormedEncounter() {
        assertEquals(List.of(), CodeFormatPolicy.check(encounter(List.of("E11.9", "I10", "S72001A"), "99213",
                List.of("25"), List.of(1, 2, 3), "1234567893")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "E1", "11.9", "E11.99999", "1E11"})
    void holdsADiagnosisThatIsNotIcd10Cm(String dx) {
        List<Finding> findings = CodeFormatPolicy.check(encounter(List.of(dx), "99213", List.of(), List.of(1), "1234567893"));
        assertEquals(List.of("ICD10_FORMAT"), findings.stream().map(Finding::ruleId).toList());
        assertTrue(findings.get(0).holds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"9921", "ABCDE", "W1234", "992133"})
    void holdsAProcedureCodeThatIsNeitherCptNorHcpcs(String code) {
        assertEquals(List.of("PROCEDURE_FORMAT"), CodeFormatPolicy.check(encounter(List.of("I10"), code, List.of(), List.of(1), "1234567893"))
                .stream().map(Finding::ruleId).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"99213", "0001F", "0042T", "G0439", "J1100"})
    void acceptsCptAndHcpcsShapes(String code) {
        assertEquals(List.of(), CodeFormatPolicy.check(encounter(List.of("I10"), code, List.of(), List.of(1), "1234567893")));
    }

    @Test
    void holdsAPointerToADiagnosisThatIsNotThere() {
        List<Finding> findings = CodeFormatPolicy.check(encounter(List.of("I10"), "99213", List.of(), List.of(1, 2), "1234567893"));
        assertEquals(List.of("DIAGNOSIS_POINTER"), findings.stream().map(Finding::ruleId).toList());
        assertEquals(List.of(1), findings.get(0).lineNumbers());
    }

    @Test
    void holdsABillingNpiThatFailsItsCheckDigit() {
        List<Finding> findings = CodeFormatPolicy.check(encounter(List.of("I10"), "99213", List.of(), List.of(1), "1234567890"));
        assertEquals(List.of("NPI_CHECK_DIGIT"), findings.stream().map(Finding::ruleId).toList());
    }

    @Test
    void holdsMoreThanTwelveDiagnoses() {
        List<String> dx = List.of("I10", "E119", "J45909", "M545", "R05", "R51", "Z0000", "E785", "K219", "F329", "G4700", "N390", "R110");
        List<Finding> findings = CodeFormatPolicy.check(encounter(dx, "99213", List.of(), List.of(1), "1234567893"));
        assertEquals(List.of("DIAGNOSIS_COUNT"), findings.stream().map(Finding::ruleId).toList());
    }
}
