package org.claimflow.eligibility.x12;

/** EB06 time period qualifier: what period an amount covers, or whether it is what remains. */
public enum TimePeriod {
    HOUR("6"), DAY("7"), TWENTY_FOUR_HOURS("13"), YEARS("21"), SERVICE_YEAR("22"), CALENDAR_YEAR("23"),
    YEAR_TO_DATE("24"), CONTRACT("25"), EPISODE("26"), VISIT("27"), OUTLIER("28"), REMAINING("29"), EXCEEDED("30"),
    NOT_EXCEEDED("31"), LIFETIME("32"), LIFETIME_REMAINING("33"), MONTH("34"), WEEK("35"), ADMISSION("36"),
    /** A code not in this list. */
    OTHER(null);

    private final String code;

    TimePeriod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True for the periods a plan's total (deductible, out-of-pocket maximum) is stated for. */
    public boolean isPlanPeriod() {
        return this == YEARS || this == SERVICE_YEAR || this == CALENDAR_YEAR || this == CONTRACT;
    }

    /** Null when EB06 is absent. */
    static TimePeriod fromCode(String eb06) {
        if (eb06 == null) {
            return null;
        }
        for (TimePeriod period : values()) {
            if (eb06.equals(period.code)) {
                return period;
            }
        }
        return OTHER;
    }
}
