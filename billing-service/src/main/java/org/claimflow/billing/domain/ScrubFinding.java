package org.claimflow.billing.domain;

/**
 * One result of the claim scrubber, shaped like coding-service's findings so a person reads both the same way:
 * which rule, how serious, what is wrong, which field, and what to do about it. Messages name fields, never
 * their values (no patient data).
 *
 * @param ruleId       stable id of the rule, e.g. {@code BILLING_ADDRESS_PO_BOX}
 * @param field        the claim field at fault, as the correction endpoint names it (e.g. {@code billingProvider.address.line1})
 * @param suggestedFix what a biller should do
 */
public record ScrubFinding(String ruleId, Severity severity, String message, String field, String suggestedFix) {

    public enum Severity {
        /** The payer or clearinghouse would reject the claim: it is held. */
        ERROR,
        /** Worth a look; the claim still goes out. */
        WARNING
    }

    public static ScrubFinding error(String ruleId, String field, String message, String suggestedFix) {
        return new ScrubFinding(ruleId, Severity.ERROR, message, field, suggestedFix);
    }

    public static ScrubFinding warning(String ruleId, String field, String message, String suggestedFix) {
        return new ScrubFinding(ruleId, Severity.WARNING, message, field, suggestedFix);
    }

    public boolean holds() {
        return severity == Severity.ERROR;
    }
}
