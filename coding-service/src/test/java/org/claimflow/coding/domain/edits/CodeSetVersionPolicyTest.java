package org.claimflow.coding.domain.edits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.claimflow.coding.domain.Finding;
import org.claimflow.coding.domain.Severity;
import org.junit.jupiter.api.Test;

class CodeSetVersionPolicyTest {

    @Test
    void usesTheVersionsInForceWithoutWarningWhenTheyCoverTheDate() {
        var selection = CodeSetVersionPolicy.select(Rows.VERSIONS_2024, LocalDate.of(2024, 8, 15));
        assertEquals(List.of(), selection.warnings());
        assertEquals("ncci-ptp:2024Q3", selection.versions().get(CodeSet.NCCI_PTP).tag());
    }

    @Test
    void usesTheNewestVersionAndWarnsWhenTheDateIsAfterIt() {
        var selection = CodeSetVersionPolicy.select(Rows.VERSIONS_2024, LocalDate.of(2026, 10, 14));
        assertEquals("icd10cm:FY2024", selection.versions().get(CodeSet.ICD10CM).tag());
        Finding warning = selection.warnings().get(0);
        assertEquals(1, selection.warnings().size());
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals("CODESET_VERSION", warning.ruleId());
        assertTrue(warning.message().contains("after the newest") && warning.message().contains("NCCI PTP practitioner 2024Q3"),
                warning.message());
        assertTrue(warning.codes().contains("ncci-ptp:2024Q3"));
    }

    @Test
    void usesTheOldestVersionAndWarnsWhenTheDateIsBeforeIt() {
        var selection = CodeSetVersionPolicy.select(Rows.VERSIONS_2024, LocalDate.of(2022, 5, 1));
        assertEquals(1, selection.warnings().size());
        assertTrue(selection.warnings().get(0).message().contains("before the oldest"));
        assertEquals(8, selection.warnings().get(0).codes().size());
    }

    @Test
    void picksTheQuarterThatCoversTheDateWhenSeveralAreLoaded() {
        List<CodeSetVersion> versions = new ArrayList<>(Rows.VERSIONS_2024);
        versions.add(new CodeSetVersion(CodeSet.NCCI_PTP, "2024Q4", LocalDate.of(2024, 10, 1), LocalDate.of(2024, 12, 31)));
        assertEquals("2024Q3", CodeSetVersionPolicy.select(versions, LocalDate.of(2024, 9, 30)).versions().get(CodeSet.NCCI_PTP).version());
        var q4 = CodeSetVersionPolicy.select(versions, LocalDate.of(2024, 11, 2));
        assertEquals("2024Q4", q4.versions().get(CodeSet.NCCI_PTP).version());
        // Only the sets without a covering version are named in the warning.
        List<String> named = q4.warnings().get(0).codes();
        assertTrue(named.contains("icd10cm:FY2024") && !named.contains("ncci-ptp:2024Q4") && !named.contains("pos:2024"), named.toString());
    }
}
