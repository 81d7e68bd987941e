package org.claimflow.denial.domain;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The adjustments that never make a denial, even on a line paid zero: contractual write-offs (CO-45 and
 * the like) and patient responsibility. Kept as data (table {@code non_denial_adjustment}); reason
 * {@code *} stands for every reason of its group.
 */
public final class NonDenialAdjustments {

    public static final String ANY_REASON = "*";

    private final Set<String> keys;

    private NonDenialAdjustments(Set<String> keys) {
        this.keys = keys;
    }

    /** @param groupAndReason pairs as {@code {groupCode, reasonCode}} */
    public static NonDenialAdjustments of(Collection<String[]> groupAndReason) {
        return new NonDenialAdjustments(groupAndReason.stream()
                .map(pair -> key(pair[0], pair[1]))
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean covers(AdjudicatedClaim.Adjustment adjustment) {
        String group = normalise(adjustment.groupCode());
        return keys.contains(key(group, adjustment.reasonCode())) || keys.contains(key(group, ANY_REASON));
    }

    private static String key(String group, String reason) {
        return normalise(group) + "-" + normalise(reason);
    }

    private static String normalise(String code) {
        return code == null ? "" : code.trim().toUpperCase();
    }
}
