package org.claimflow.denial.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Classifies a denial by its primary CARC using the rows of the classification table, most specific row
 * first: the same group and one of the line's remark codes, then any group with the remark, then the same
 * group without a remark, then any group. A CARC with no row at all is OTHER, for a biller to read.
 */
public final class DenialClassificationPolicy {

    static final String UNKNOWN_REASON = "The payer gave no reason this service knows: read the remittance and its remarks.";

    private DenialClassificationPolicy() {
    }

    /**
     * @param rules rows of the table for this CARC (rows of other CARCs are ignored)
     * @param groupCode group of the denying adjustment, may be null
     * @param carc the primary CARC, may be null for a claim denied without adjustments
     * @param remarkCodes the RARCs on the line
     */
    public static Classification classify(Collection<ReasonRule> rules, String groupCode, String carc,
                                          List<String> remarkCodes) {
        Optional<ReasonRule> best = carc == null ? Optional.empty() : rules.stream()
                .filter(r -> carc.equalsIgnoreCase(r.carc()))
                .filter(r -> ReasonRule.ANY_GROUP.equals(r.groupCode()) || r.groupCode().equalsIgnoreCase(groupCode))
                .filter(r -> r.rarc() == null || remarkCodes.stream().anyMatch(r.rarc()::equalsIgnoreCase))
                .max(Comparator.comparingInt(DenialClassificationPolicy::specificity));
        return best.map(r -> new Classification(r.category(), r.rootCause(), r.queue(), r.appealable(), r.correctable()))
                .orElseGet(DenialClassificationPolicy::unknown);
    }

    public static Classification unknown() {
        return new Classification(DenialCategory.OTHER, UNKNOWN_REASON, WorkQueue.BILLING, false, false);
    }

    /** A remark code match weighs more than a group match: it says more about what to fix. */
    private static int specificity(ReasonRule rule) {
        return (rule.rarc() != null ? 2 : 0) + (ReasonRule.ANY_GROUP.equals(rule.groupCode()) ? 0 : 1);
    }
}
