package org.claimflow.denial.domain;

/**
 * One row of the classification table {@code denial_reason_map}: a CARC (for one group code or {@code *}
 * for any, optionally only with a remark code) and what it means for the people who work the denial.
 *
 * @param appealable the usual remedy is an appeal
 * @param correctable the usual remedy is a corrected claim
 */
public record ReasonRule(
        String groupCode,
        String carc,
        String rarc,
        DenialCategory category,
        String rootCause,
        WorkQueue queue,
        boolean appealable,
        boolean correctable) {

    public static final String ANY_GROUP = "*";
}
