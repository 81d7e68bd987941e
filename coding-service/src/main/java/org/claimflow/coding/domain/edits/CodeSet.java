package org.claimflow.coding.domain.edits;

/** The CMS code sets the edits read, each loaded in versions (quarters, fiscal years). */
public enum CodeSet {
    ICD10CM("icd10cm", "ICD-10-CM"),
    MCE("mce", "Medicare Code Editor"),
    HCPCS("hcpcs", "HCPCS Level II"),
    NCCI_PTP("ncci-ptp", "NCCI PTP practitioner"),
    NCCI_MUE("ncci-mue", "NCCI MUE practitioner"),
    NCCI_AOC("ncci-aoc", "NCCI add-on code edits"),
    MODIFIERS("modifiers", "CMS modifiers"),
    POS("pos", "CMS place of service codes");

    private final String id;
    private final String title;

    CodeSet(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static CodeSet byId(String id) {
        for (CodeSet set : values()) {
            if (set.id.equals(id)) {
                return set;
            }
        }
        throw new IllegalArgumentException("unknown code set " + id);
    }
}
