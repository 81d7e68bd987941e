package org.claimflow.denial.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which parts of an adjudicated claim are denials (DOMAIN.md): a service line paid zero that carries an
 * adjustment which is neither a contractual write-off nor patient responsibility. A claim denied as a
 * whole without service lines is one claim-level denial. A reversal is not a denial.
 */
public final class DenialDetectionPolicy {

    private static final Comparator<AdjudicatedClaim.Adjustment> LARGEST_FIRST =
            Comparator.comparing(AdjudicatedClaim.Adjustment::amount, Comparator.nullsFirst(Comparator.naturalOrder())).reversed();

    private DenialDetectionPolicy() {
    }

    public static List<DetectedDenial> detect(AdjudicatedClaim claim, NonDenialAdjustments nonDenials) {
        if (claim.outcome() == AdjudicationOutcome.REVERSED) {
            return List.of();
        }
        List<DetectedDenial> denials = new ArrayList<>();
        if (claim.serviceLines().isEmpty()) {
            if (claim.outcome() == AdjudicationOutcome.DENIED) {
                List<AdjudicatedClaim.Adjustment> denying = denying(claim.adjustments(), nonDenials);
                denials.add(denial(DetectedDenial.CLAIM_LEVEL, null, denying, List.of(), claim.totalCharge()));
            }
            return denials;
        }
        for (AdjudicatedClaim.Line line : claim.serviceLines()) {
            if (line.paidAmount() == null || line.paidAmount().signum() != 0) {
                continue;
            }
            // A payer may explain a zero line only at claim level (CAS in loop 2100): use those reasons then.
            List<AdjudicatedClaim.Adjustment> adjustments = line.adjustments().isEmpty() ? claim.adjustments() : line.adjustments();
            List<AdjudicatedClaim.Adjustment> denying = denying(adjustments, nonDenials);
            if (!denying.isEmpty()) {
                denials.add(denial(line.lineNumber(), line.procedureCode(), denying, line.remarkCodes(), line.chargeAmount()));
            }
        }
        return denials;
    }

    private static List<AdjudicatedClaim.Adjustment> denying(List<AdjudicatedClaim.Adjustment> adjustments,
                                                             NonDenialAdjustments nonDenials) {
        return adjustments.stream().filter(a -> !nonDenials.covers(a)).sorted(LARGEST_FIRST).toList();
    }

    private static DetectedDenial denial(int lineNumber, String procedureCode, List<AdjudicatedClaim.Adjustment> denying,
                                         List<String> remarks, BigDecimal amount) {
        LinkedHashSet<String> reasonCodes = new LinkedHashSet<>();
        List<DetectedDenial.Reason> reasons = new ArrayList<>();
        for (AdjudicatedClaim.Adjustment a : denying) {
            // One entry per CARC: the largest adjustment (first, by the sort) names the group it was sent under.
            if (reasonCodes.add(a.reasonCode())) {
                reasons.add(new DetectedDenial.Reason(a.groupCode(), a.reasonCode()));
            }
        }
        AdjudicatedClaim.Adjustment primary = denying.isEmpty() ? null : denying.get(0);
        return new DetectedDenial(lineNumber, procedureCode,
                primary == null ? null : primary.groupCode(),
                primary == null ? null : primary.reasonCode(),
                List.copyOf(reasonCodes), List.copyOf(reasons), List.copyOf(remarks),
                amount == null ? BigDecimal.ZERO : amount);
    }
}
