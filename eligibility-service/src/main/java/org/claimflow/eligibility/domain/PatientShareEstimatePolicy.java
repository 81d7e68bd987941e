package org.claimflow.eligibility.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the patient will probably owe for a claim, from the in-network figures of the payer's answer:
 * the copay, then what is left of the deductible, then the coinsurance share of the rest.
 *
 * <pre>copay + min(deductible remaining, charge − copay) + coinsurance × (charge − copay − deductible part)</pre>
 *
 * <p>It is an estimate on the <em>charge</em>, not on the payer's allowed amount, which is usually lower:
 * until fee schedules land it over-states the coinsurance share. It does not apply the out-of-pocket
 * maximum. A figure the payer did not state counts as zero; the estimate never exceeds the charge.
 * Rounded half-up to cents.
 */
public final class PatientShareEstimatePolicy {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private PatientShareEstimatePolicy() {
    }

    public static BigDecimal estimate(BigDecimal charge, NetworkBenefits benefits) {
        return estimate(charge, benefits.copay(), benefits.deductibleRemaining(), benefits.coinsurance());
    }

    public static BigDecimal estimate(BigDecimal charge, BigDecimal copay, BigDecimal deductibleRemaining,
                                      BigDecimal coinsurance) {
        if (charge == null || charge.signum() <= 0) {
            return ZERO;
        }
        BigDecimal copayPart = nonNegative(copay).min(charge);
        BigDecimal afterCopay = charge.subtract(copayPart);
        BigDecimal deductiblePart = nonNegative(deductibleRemaining).min(afterCopay);
        BigDecimal rest = afterCopay.subtract(deductiblePart);
        BigDecimal coinsurancePart = rest.multiply(nonNegative(coinsurance).min(BigDecimal.ONE));
        return copayPart.add(deductiblePart).add(coinsurancePart).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal nonNegative(BigDecimal value) {
        return value == null || value.signum() < 0 ? BigDecimal.ZERO : value;
    }
}
