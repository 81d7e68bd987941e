package org.claimflow.coding.codeset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimflow.coding.domain.edits.CodeSet;

/**
 * How one code set's TSV becomes rows of its table: the target columns (after {@code codeset_version})
 * and a mapping from the file's header-named fields. A null value is SQL NULL.
 */
record CodeSetFormat(String table, List<String> columns, Function<CodeSetFormat.Fields, String[]> row) {

    private static final Pattern AGES = Pattern.compile("Ages? (\\d+)(?:-(\\d+))?");

    static CodeSetFormat of(CodeSet set) {
        return switch (set) {
            case ICD10CM -> new CodeSetFormat("icd10cm_code", List.of("code", "billable", "description"),
                    f -> new String[] {f.get("code"), "1".equals(f.get("billable")) ? "t" : "f", blankToNull(f.get("description"))});
            case MCE -> new CodeSetFormat("mce_edit", List.of("code", "edit_group", "rule", "age_min", "age_max", "sex"),
                    CodeSetFormat::mce);
            case HCPCS -> new CodeSetFormat("hcpcs_code", List.of("code", "description", "date_added", "date_term"),
                    f -> new String[] {f.get("hcpcs_code"), blankToNull(f.get("long_description")), blankToNull(f.get("date_added")),
                            blankToNull(f.get("date_term"))});
            case NCCI_PTP -> new CodeSetFormat("ncci_ptp_edit", List.of("column1", "column2", "deletion_date", "modifier_indicator", "rationale"),
                    f -> new String[] {f.get("column1"), f.get("column2"),
                            "9999-12-31".equals(f.get("deletion_date")) ? null : blankToNull(f.get("deletion_date")),
                            f.get("modifier_indicator"), blankToNull(f.get("ptp_edit_rationale"))});
            case NCCI_MUE -> new CodeSetFormat("ncci_mue", List.of("code", "mue_units", "mai", "rationale"),
                    f -> new String[] {f.get("hcpcs_code"), f.get("mue_units"), f.get("mue_mai"), blankToNull(f.get("mue_rationale"))});
            case NCCI_AOC -> new CodeSetFormat("ncci_addon_edit", List.of("primary_code", "add_on_code", "edit_type"),
                    f -> new String[] {f.get("primary_code"), f.get("add_on_code"), f.get("aoc_edit_type")});
            case MODIFIERS -> new CodeSetFormat("modifier_code", List.of("code", "mod_type", "category"),
                    f -> new String[] {f.get("mod_code"), blankToNull(f.get("mod_type")), blankToNull(f.get("mod_category"))});
            case POS -> new CodeSetFormat("pos_code", List.of("code", "pos_type", "name"),
                    f -> new String[] {f.get("pos_code"), blankToNull(f.get("pos_type")), blankToNull(f.get("pos_name"))});
        };
    }

    /** The Medicare Code Editor states its edit in words; the age bounds are read from that text. */
    private static String[] mce(Fields f) {
        String rule = f.get("icd_conflict_rule");
        String group = f.get("icd_conflict_group");
        String ageMin = null;
        String ageMax = null;
        String sex = null;
        if ("Age".equals(group)) {
            Matcher m = AGES.matcher(rule);
            if (!m.find()) {
                throw new IllegalArgumentException("MCE age rule without an age range: " + rule);
            }
            ageMin = m.group(1);
            ageMax = m.group(2) == null ? m.group(1) : m.group(2);
        } else if ("Sex".equals(group)) {
            sex = rule.startsWith("Female") ? "F" : rule.startsWith("Male") ? "M" : null;
        }
        return new String[] {f.get("icd_code").replace(".", ""), group, rule, ageMin, ageMax, sex};
    }

    /** The current row's fields by header name; missing trailing fields are null. */
    static final class Fields {
        private final Map<String, Integer> columns = new HashMap<>();
        private String[] values = new String[0];

        Fields(String[] header) {
            for (int i = 0; i < header.length; i++) {
                columns.put(header[i], i);
            }
        }

        void next(String[] row) {
            values = row;
        }

        String get(String name) {
            Integer i = columns.get(name);
            return i == null || i >= values.length ? null : values[i];
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
