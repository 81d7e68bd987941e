package org.claimflow.coding.domain.edits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.claimflow.coding.domain.CodedEncounter;

/**
 * Builds the code-set rows an edit sees, from rows copied verbatim out of the shipped tables
 * (src/main/resources/codesets), and small encounters to run them on.
 */
final class Rows {

    static final LocalDate DOS = LocalDate.of(2024, 8, 15);

    static final List<CodeSetVersion> VERSIONS_2024 = List.of(
            new CodeSetVersion(CodeSet.ICD10CM, "FY2024", LocalDate.of(2023, 10, 1), LocalDate.of(2024, 9, 30)),
            new CodeSetVersion(CodeSet.MCE, "v41.1", LocalDate.of(2023, 10, 1), LocalDate.of(2024, 9, 30)),
            new CodeSetVersion(CodeSet.HCPCS, "2024Q3", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30)),
            new CodeSetVersion(CodeSet.NCCI_PTP, "2024Q3", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30)),
            new CodeSetVersion(CodeSet.NCCI_MUE, "2024Q3", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30)),
            new CodeSetVersion(CodeSet.NCCI_AOC, "2024Q3", LocalDate.of(2024, 7, 1), LocalDate.of(2024, 9, 30)),
            new CodeSetVersion(CodeSet.MODIFIERS, "2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
            new CodeSetVersion(CodeSet.POS, "2024", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)));

    private final Map<String, CodeSetRows.IcdCode> icd = new HashMap<>();
    private final Map<String, List<CodeSetRows.MceEdit>> mce = new HashMap<>();
    private final Map<String, CodeSetRows.HcpcsCode> hcpcs = new HashMap<>();
    private final Set<String> modifiers = new HashSet<>();
    private final Set<String> pos = new HashSet<>();
    private final List<CodeSetRows.PtpEdit> ptp = new ArrayList<>();
    private final Map<String, CodeSetRows.Mue> mue = new HashMap<>();
    private final Map<String, List<CodeSetRows.AddOnEdit>> aoc = new HashMap<>();

    static Rows of() {
        return new Rows();
    }

    /** icd10cm_order_fy2024: code (no dot), billable. */
    Rows icd(String code, int billable) {
        icd.put(code, new CodeSetRows.IcdCode(code, billable == 1, "description of " + code));
        return this;
    }

    /** icd10cm_medicare_code_edits_v41.1: dotted code, group, rule (age bounds as the loader reads them). */
    Rows mce(String dotted, String group, String rule, Integer ageMin, Integer ageMax, String sex) {
        String code = dotted.replace(".", "");
        mce.computeIfAbsent(code, k -> new ArrayList<>()).add(new CodeSetRows.MceEdit(code, group, rule, ageMin, ageMax, sex));
        return this;
    }

    Rows hcpcs(String code, String dateAdded, String dateTerm) {
        hcpcs.put(code, new CodeSetRows.HcpcsCode(code, LocalDate.parse(dateAdded), dateTerm == null ? null : LocalDate.parse(dateTerm)));
        return this;
    }

    Rows modifiers(String... codes) {
        modifiers.addAll(List.of(codes));
        return this;
    }

    Rows pos(String... codes) {
        pos.addAll(List.of(codes));
        return this;
    }

    /** ncci_ptp_practitioner_2024Q3: column1, column2, deletion_date (9999-12-31 = active), modifier_indicator, rationale. */
    Rows ptp(String column1, String column2, String deletionDate, char indicator, String rationale) {
        ptp.add(new CodeSetRows.PtpEdit(column1, column2, "9999-12-31".equals(deletionDate) ? null : LocalDate.parse(deletionDate),
                indicator, rationale));
        return this;
    }

    Rows mue(String code, int units, int mai, String rationale) {
        mue.put(code, new CodeSetRows.Mue(code, units, mai, rationale));
        return this;
    }

    Rows aoc(String primary, String addOn, int type) {
        aoc.computeIfAbsent(addOn, k -> new ArrayList<>()).add(new CodeSetRows.AddOnEdit(primary, addOn, type));
        return this;
    }

    CodeSetRows build() {
        Map<CodeSet, CodeSetVersion> versions = new EnumMap<>(CodeSet.class);
        VERSIONS_2024.forEach(v -> versions.put(v.set(), v));
        return new CodeSetRows(versions, icd, mce, hcpcs, modifiers, pos, ptp, mue, aoc);
    }

    static CodedEncounter.Line line(int number, String code, int units, String... modifiers) {
        return new CodedEncounter.Line(number, code, List.of(modifiers), units, List.of(1), new BigDecimal("100.00"));
    }

    static CodedEncounter encounter(LocalDate dos, LocalDate dob, String sex, List<String> dx, CodedEncounter.Line... lines) {
        return new CodedEncounter(dos, "11", dob, sex, "1234567893", null, dx, List.of(lines));
    }

    static CodedEncounter lines(CodedEncounter.Line... lines) {
        return encounter(DOS, LocalDate.of(1980, 2, 14), "F", List.of("I10"), lines);
    }
}
