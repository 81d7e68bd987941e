package org.claimflow.eligibility.x12;

/** EB02 coverage level. */
public enum CoverageLevel {
    CHILDREN_ONLY("CHD"), DEPENDENTS_ONLY("DEP"), EMPLOYEE_AND_CHILDREN("ECH"), EMPLOYEE_ONLY("EMP"),
    EMPLOYEE_AND_SPOUSE("ESP"), FAMILY("FAM"), INDIVIDUAL("IND"), SPOUSE_AND_CHILDREN("SPC"), SPOUSE_ONLY("SPO"),
    /** A code not in the 5010 list. */
    OTHER(null);

    private final String code;

    CoverageLevel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Null when EB02 is absent. */
    static CoverageLevel fromCode(String eb02) {
        if (eb02 == null) {
            return null;
        }
        for (CoverageLevel level : values()) {
            if (eb02.equals(level.code)) {
                return level;
            }
        }
        return OTHER;
    }
}
