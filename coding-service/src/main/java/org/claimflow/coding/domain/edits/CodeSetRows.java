package org.claimflow.coding.domain.edits;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the code sets that concern one encounter, read in the versions chosen for its date of
 * service. The edit policies see only this, so they stay pure and are tested with real rows.
 *
 * @param icd10cm   by code without the dot
 * @param mceEdits  by code without the dot
 * @param addOnEdits by add-on code
 */
public record CodeSetRows(
        Map<CodeSet, CodeSetVersion> versions,
        Map<String, IcdCode> icd10cm,
        Map<String, List<MceEdit>> mceEdits,
        Map<String, HcpcsCode> hcpcs,
        Set<String> modifiers,
        Set<String> placesOfService,
        List<PtpEdit> ptpEdits,
        Map<String, Mue> mues,
        Map<String, List<AddOnEdit>> addOnEdits) {

    public record IcdCode(String code, boolean billable, String description) {
    }

    /** A Medicare Code Editor row; age bounds inclusive, sex F or M, both null for other edits. */
    public record MceEdit(String code, String group, String rule, Integer ageMin, Integer ageMax, String sex) {
    }

    public record HcpcsCode(String code, LocalDate dateAdded, LocalDate dateTerm) {
    }

    /** @param deletionDate null while the edit is active */
    public record PtpEdit(String column1, String column2, LocalDate deletionDate, char modifierIndicator, String rationale) {

        public boolean appliesOn(LocalDate dateOfService) {
            return deletionDate == null || !deletionDate.isBefore(dateOfService);
        }
    }

    public record Mue(String code, int units, int mai, String rationale) {
    }

    /** @param primaryCode {@code CCCCC} when CMS lists no primary (edit type 2) */
    public record AddOnEdit(String primaryCode, String addOnCode, int editType) {
    }

    public String source(CodeSet set) {
        CodeSetVersion v = versions.get(set);
        return v == null ? set.title() : v.source();
    }

    public boolean has(CodeSet set) {
        return versions.containsKey(set);
    }

    public static String undotted(String icd10) {
        return icd10.replace(".", "");
    }
}
