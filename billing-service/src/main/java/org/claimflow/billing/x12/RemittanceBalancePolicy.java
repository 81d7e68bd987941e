package org.claimflow.billing.x12;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The balancing rules of the 835 TR3 (005010X221A1, section 1.10.2), checked on a {@link Remittance}:
 * <ol>
 * <li>each service line: SVC02 charge − sum of the line's CAS amounts = SVC03 paid;</li>
 * <li>each claim: CLP03 charge − sum of claim-level and line-level CAS amounts = CLP04 paid;</li>
 * <li>each claim with service lines: sum of SVC03 − sum of claim-level CAS amounts = CLP04 (follows from 1
 * and 2 when the lines' charges add up to CLP03; reported separately because it is how a payment is posted
 * line by line);</li>
 * <li>the transaction: sum of CLP04 − sum of PLB amounts = BPR02.</li>
 * </ol>
 * Claim interest (AMT*I) takes no part in rules 2 and 3: the TR3 says AMT segments convey information only and
 * are not part of the financial balancing of the 835 (X12 RFI 1324), so CLP04 is what paid the charge, and a
 * claim paid above its charge balances only through a (negative) CAS adjustment. The interest itself is paid
 * through the PLB: the net of the transaction's AMT*I goes in a PLB with reason L6 (RFI 2123), a negative amount
 * that rule 4 already counts. Whether the L6 total matches the claims' interest is {@link #warnings} (the
 * money balances either way, so a mismatch does not refuse the file).
 * Amounts compare by value (150 = 150.00). Every violation is reported, not only the first.
 */
public final class RemittanceBalancePolicy {

    /** PLB adjustment reason of interest (PLB03-1). */
    private static final String INTEREST = "L6";

    private RemittanceBalancePolicy() {
    }

    public static List<BalanceViolation> check(Remittance remittance) {
        List<BalanceViolation> violations = new ArrayList<>();
        BigDecimal totalPaid = BigDecimal.ZERO;
        for (ClaimPayment claim : remittance.claims()) {
            checkClaim(claim, violations);
            totalPaid = totalPaid.add(claim.paidAmount());
        }
        BigDecimal providerAdjustments = remittance.providerAdjustments().stream()
                .map(ProviderAdjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expected = totalPaid.subtract(providerAdjustments);
        BigDecimal actual = remittance.payment().totalAmount();
        if (expected.compareTo(actual) != 0) {
            violations.add(new BalanceViolation(BalanceViolation.Level.TRANSACTION, null, null, null, expected, actual,
                    "remittance %s: claims paid %s − provider adjustments %s = %s but BPR02 is %s".formatted(
                            remittance.transactionControlNumber(), plain(totalPaid), plain(providerAdjustments),
                            plain(expected), plain(actual))));
        }
        return violations;
    }

    private static void checkClaim(ClaimPayment claim, List<BalanceViolation> violations) {
        String claimId = "claim %s (CLP at segment %d)".formatted(claim.patientControlNumber(), claim.segmentPosition());
        BigDecimal claimAdjustments = sum(claim.adjustments());
        BigDecimal lineAdjustments = BigDecimal.ZERO;
        BigDecimal linesPaid = BigDecimal.ZERO;
        int lineNumber = 0;
        for (ServiceLinePayment line : claim.serviceLines()) {
            lineNumber++;
            BigDecimal adjustments = sum(line.adjustments());
            lineAdjustments = lineAdjustments.add(adjustments);
            linesPaid = linesPaid.add(line.paidAmount());
            BigDecimal expected = line.chargeAmount().subtract(adjustments);
            if (expected.compareTo(line.paidAmount()) != 0) {
                violations.add(violation(BalanceViolation.Level.SERVICE_LINE, claim, lineNumber, expected, line.paidAmount(),
                        "%s line %d (SVC at segment %d): charge %s − adjustments %s = %s but paid is %s".formatted(
                                claimId, lineNumber, line.segmentPosition(), plain(line.chargeAmount()), plain(adjustments),
                                plain(expected), plain(line.paidAmount()))));
            }
        }
        BigDecimal allAdjustments = claimAdjustments.add(lineAdjustments);
        // Named when present: a payer that put the interest inside CLP04 is told why the claim does not balance.
        String interestNote = claim.interest().signum() == 0 ? ""
                : "; AMT*I interest " + plain(claim.interest()) + " is information only, not part of CLP04 (interest is paid "
                        + "in PLB L6: X12 RFI 1324, 2123)";
        BigDecimal expected = claim.chargeAmount().subtract(allAdjustments);
        if (expected.compareTo(claim.paidAmount()) != 0) {
            violations.add(violation(BalanceViolation.Level.CLAIM, claim, null, expected, claim.paidAmount(),
                    "%s: charge %s − adjustments %s (claim %s, lines %s) = %s but paid is %s%s".formatted(claimId,
                            plain(claim.chargeAmount()), plain(allAdjustments), plain(claimAdjustments),
                            plain(lineAdjustments), plain(expected), plain(claim.paidAmount()), interestNote)));
        }
        if (!claim.serviceLines().isEmpty()) {
            BigDecimal expectedFromLines = linesPaid.subtract(claimAdjustments);
            if (expectedFromLines.compareTo(claim.paidAmount()) != 0) {
                violations.add(violation(BalanceViolation.Level.CLAIM_LINES, claim, null, expectedFromLines, claim.paidAmount(),
                        "%s: lines paid %s − claim adjustments %s = %s but paid is %s%s".formatted(claimId, plain(linesPaid),
                                plain(claimAdjustments), plain(expectedFromLines), plain(claim.paidAmount()), interestNote)));
            }
        }
    }

    /**
     * What is wrong with a remittance that still balances, so it is posted with these noted: the PLB L6 total is
     * not the negative of the claims' AMT*I total (RFI 2123: the net interest of all claims is paid in PLB L6,
     * except when it is zero). Empty when nothing is wrong.
     */
    public static List<String> warnings(Remittance remittance) {
        BigDecimal claimInterest = remittance.claims().stream().map(ClaimPayment::interest)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (claimInterest.signum() == 0) {
            return List.of();
        }
        BigDecimal providerInterest = remittance.providerAdjustments().stream()
                .filter(a -> INTEREST.equals(a.reasonCode())).map(ProviderAdjustment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (providerInterest.negate().compareTo(claimInterest) == 0) {
            return List.of();
        }
        return List.of(("remittance %s: its claims report interest (AMT*I) of %s in all, so PLB L6 should total %s, but it "
                + "totals %s (X12 RFI 2123); the file balances and was posted: each claim is paid its CLP04 and keeps its "
                + "AMT*I as interest").formatted(remittance.transactionControlNumber(), plain(claimInterest),
                plain(claimInterest.negate()), plain(providerInterest)));
    }

    private static BalanceViolation violation(BalanceViolation.Level level, ClaimPayment claim, Integer lineNumber,
            BigDecimal expected, BigDecimal actual, String message) {
        return new BalanceViolation(level, claim.patientControlNumber(), claim.segmentPosition(), lineNumber, expected,
                actual, message);
    }

    private static BigDecimal sum(List<Adjustment> adjustments) {
        return adjustments.stream().map(Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
