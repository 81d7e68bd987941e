package org.claimflow.sandbox.adjudication;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.claimflow.sandbox.seed.Member;
import org.claimflow.sandbox.seed.Payer;
import org.claimflow.sandbox.seed.SeedData;
import org.claimflow.sandbox.seed.SeedRepository;

/** Applies the policies, in their documented order, to each line of an accepted claim. */
@ApplicationScoped
public class Adjudicator {

    private final SeedRepository seed;
    private final EligibilityPolicy eligibility = new EligibilityPolicy();
    private final ClaimStatusPolicy status = new ClaimStatusPolicy();
    private final CoveredServicePolicy coveredServices;
    private final DiagnosisSupportPolicy diagnosisSupport;
    private final AllowedAmountPolicy allowedAmounts;
    private final PatientResponsibilityPolicy patientResponsibility;

    Adjudicator(SeedRepository seed) {
        this.seed = seed;
        SeedData data = seed.data();
        this.coveredServices = new CoveredServicePolicy(data.nonCoveredCodes(), data.priorAuthorizationCodes());
        this.diagnosisSupport = new DiagnosisSupportPolicy(data.diagnosisRequirements());
        this.allowedAmounts = new AllowedAmountPolicy(data.feeSchedule(), data.unlistedCodeAllowedShare());
        this.patientResponsibility = new PatientResponsibilityPolicy(data.officeVisitCodes());
    }

    /** @param payerClaimControlNumber the number the claim was given when it was accepted (CLP07) */
    public ClaimAdjudication adjudicate(Claim claim, String payerClaimControlNumber) {
        Payer payer = seed.payer(claim.payerId())
                .orElseThrow(() -> new IllegalArgumentException("Claims for unknown payers are rejected earlier"));
        Optional<Member> member = seed.member(claim.payerId(), claim.memberId());
        boolean copayTaken = false;
        BigDecimal deductibleRemaining = member.map(m -> Money.cents(m.plan().deductibleRemaining())).orElse(Money.ZERO);
        List<LineAdjudication> lines = new ArrayList<>();
        for (ServiceLine line : claim.lines()) {
            Optional<String> denial = eligibility.denialReason(member, line.serviceDate())
                    .or(() -> coveredServices.denialReason(line.procedureCode()))
                    .or(() -> diagnosisSupport.denialReason(line));
            if (denial.isPresent()) {
                lines.add(LineAdjudication.denied(line, denial.get()));
                continue;
            }
            BigDecimal charge = Money.cents(line.charge());
            BigDecimal allowed = allowedAmounts.allowed(payer.feeScheduleFactor(), line.procedureCode(), line.units(), charge);
            PatientShare share = patientResponsibility.share(member.get().plan(), line.procedureCode(), allowed,
                    copayTaken, deductibleRemaining);
            copayTaken = copayTaken || share.copay().signum() > 0;
            deductibleRemaining = deductibleRemaining.subtract(share.deductible());
            lines.add(new LineAdjudication(line, charge, allowed, allowed.subtract(share.total()), adjustments(charge, allowed, share)));
        }
        return new ClaimAdjudication(claim, payerClaimControlNumber, status.status(lines), lines);
    }

    private static List<Adjustment> adjustments(BigDecimal charge, BigDecimal allowed, PatientShare share) {
        List<Adjustment> adjustments = new ArrayList<>();
        addUnlessZero(adjustments, Adjustment.co(Adjustment.ABOVE_FEE_SCHEDULE, charge.subtract(allowed)));
        addUnlessZero(adjustments, Adjustment.pr(Adjustment.COPAY, share.copay()));
        addUnlessZero(adjustments, Adjustment.pr(Adjustment.DEDUCTIBLE, share.deductible()));
        addUnlessZero(adjustments, Adjustment.pr(Adjustment.COINSURANCE, share.coinsurance()));
        return adjustments;
    }

    private static void addUnlessZero(List<Adjustment> adjustments, Adjustment adjustment) {
        if (adjustment.amount().signum() != 0) {
            adjustments.add(adjustment);
        }
    }
}
