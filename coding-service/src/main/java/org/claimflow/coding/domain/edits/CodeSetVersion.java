package org.claimflow.coding.domain.edits;

import java.time.LocalDate;

/**
 * One loaded version of a code set and the dates of service it is meant for.
 *
 * @param effectiveTo last date of service the version covers; null when open-ended
 */
public record CodeSetVersion(CodeSet set, String version, LocalDate effectiveFrom, LocalDate effectiveTo) {

    /** The tag every row of this version carries, e.g. {@code ncci-ptp:2024Q3}. */
    public String tag() {
        return set.id() + ":" + version;
    }

    /** How a finding names its source, e.g. "NCCI PTP practitioner 2024Q3". */
    public String source() {
        return set.title() + " " + version;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
