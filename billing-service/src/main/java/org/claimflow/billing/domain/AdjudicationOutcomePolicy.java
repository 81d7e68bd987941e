package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Classifies a claim payment (docs/events.md, ClaimAdjudicated.outcome): REVERSED for CLP02 22; DENIED for
 * CLP02 4 or when nothing was paid for a non-contractual reason; PARTIALLY_DENIED when some lines were paid
 * nothing for a non-contractual reason; else PAID. A line paid nothing only because the patient owes it
 * (PR, e.g. the deductible) or because the fee schedule allows nothing more (CO-45) is not denied.
 */
public final class AdjudicationOutcomePolicy {

    /** CARCs that reduce a payment by contract rather than refuse it. */
    static final Set<String> CONTRACTUAL_REASONS = Set.of("45", "253", "94", "42");

    public record Adjust(String groupCode, String reasonCode, BigDecimal amount) {
    }

    public record Line(BigDecimal paid, List<Adjust> adjustments) {
    }

    private AdjudicationOutcomePolicy() {
    }

    public static AdjudicationOutcome outcome(String claimStatusCode, BigDecimal claimPaid, List<Adjust> claimAdjustments,
                                              List<Line> lines) {
        if ("22".equals(claimStatusCode)) {
            return AdjudicationOutcome.REVERSED;
        }
        if ("4".equals(claimStatusCode)) {
            return AdjudicationOutcome.DENIED;
        }
        long denied = lines.stream().filter(AdjudicationOutcomePolicy::isDenied).count();
        boolean nothingPaid = claimPaid.signum() <= 0;
        if (lines.isEmpty()) {
            return nothingPaid && claimAdjustments.stream().anyMatch(AdjudicationOutcomePolicy::isDenial)
                    ? AdjudicationOutcome.DENIED : AdjudicationOutcome.PAID;
        }
        if (denied == lines.size() || (nothingPaid && denied > 0)) {
            return AdjudicationOutcome.DENIED;
        }
        return denied > 0 ? AdjudicationOutcome.PARTIALLY_DENIED : AdjudicationOutcome.PAID;
    }

    public static boolean isDenied(Line line) {
        return line.paid().signum() <= 0 && line.adjustments().stream().anyMatch(AdjudicationOutcomePolicy::isDenial);
    }

    static boolean isDenial(Adjust adjustment) {
        return !"PR".equals(adjustment.groupCode()) && adjustment.amount().signum() > 0
                && !CONTRACTUAL_REASONS.contains(adjustment.reasonCode());
    }
}
