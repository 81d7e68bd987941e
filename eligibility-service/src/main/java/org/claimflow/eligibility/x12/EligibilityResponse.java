package org.claimflow.eligibility.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The answer of a 271 for one subscriber (2000C) or dependent (2000D); a transaction rejected before
 * the subscriber level (AAA in 2100A/2100B) gives one response without member.
 *
 * @param interchangeControlNumber ISA13
 * @param transactionControlNumber ST02
 * @param referenceId              BHT03
 * @param traceNumber              TRN02 of the TRN*2 that echoes the inquiry's trace, null when absent
 * @param payerName                2100A NM103
 * @param payerId                  2100A NM109
 * @param memberId                 2100C NM109 (the subscriber's, also for a dependent); patient data: not in {@link #toString()}
 * @param dependent                true for a 2000D dependent
 * @param groupNumber              2100C REF*6P or REF*1L, null when absent
 * @param planName                 EB05 of the coverage benefit (or of the first benefit naming a plan)
 * @param planBegin                2100C DTP 346/291 (then eligibility 356/307, benefit 348/292), else the coverage benefit's dates
 * @param planEnd                  same, 347 / end of a range
 * @param errors                   AAA segments of this member's loops and of the payer and provider above it
 * @param benefits                 every EB of the member, in file order
 * @param warnings                 envelope defects read past (segment counts, control numbers); never patient data
 */
public record EligibilityResponse(
        String interchangeControlNumber,
        String transactionControlNumber,
        String referenceId,
        String traceNumber,
        String payerName,
        String payerId,
        String memberId,
        boolean dependent,
        String groupNumber,
        EligibilityStatus status,
        String planName,
        LocalDate planBegin,
        LocalDate planEnd,
        List<RequestError> errors,
        List<Benefit> benefits,
        List<String> warnings) {

    public EligibilityResponse {
        errors = errors == null ? List.of() : List.copyOf(errors);
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean isActive() {
        return status == EligibilityStatus.ACTIVE;
    }

    public List<Benefit> benefits(BenefitType type) {
        return benefits.stream().filter(b -> b.type() == type).toList();
    }

    /** Copayment (EB*B, EB07) for the service type, in or out of network. */
    public Optional<BigDecimal> copay(String serviceType, boolean inNetwork) {
        return best(BenefitType.COPAYMENT, serviceType, inNetwork, CoverageLevel.INDIVIDUAL, false, p -> 0,
                Benefit::amount);
    }

    /** Coinsurance (EB*A, EB08) as a fraction, 0.20 for 20 %. */
    public Optional<BigDecimal> coinsurance(String serviceType, boolean inNetwork) {
        return best(BenefitType.COINSURANCE, serviceType, inNetwork, CoverageLevel.INDIVIDUAL, false, p -> 0,
                Benefit::percent);
    }

    /** Individual deductible for the plan period (EB*C with EB06 21/22/23/25, or no EB06). */
    public Optional<BigDecimal> deductibleTotal(String serviceType, boolean inNetwork) {
        return deductibleTotal(serviceType, inNetwork, CoverageLevel.INDIVIDUAL);
    }

    public Optional<BigDecimal> deductibleTotal(String serviceType, boolean inNetwork, CoverageLevel level) {
        return best(BenefitType.DEDUCTIBLE, serviceType, inNetwork, level, true, EligibilityResponse::totalRank,
                Benefit::amount);
    }

    /** Individual deductible still to be met (EB*C with EB06 29 remaining). */
    public Optional<BigDecimal> deductibleRemaining(String serviceType, boolean inNetwork) {
        return deductibleRemaining(serviceType, inNetwork, CoverageLevel.INDIVIDUAL);
    }

    public Optional<BigDecimal> deductibleRemaining(String serviceType, boolean inNetwork, CoverageLevel level) {
        return best(BenefitType.DEDUCTIBLE, serviceType, inNetwork, level, true, EligibilityResponse::remainingRank,
                Benefit::amount);
    }

    /** Individual out-of-pocket maximum for the plan period (EB*G). */
    public Optional<BigDecimal> outOfPocketTotal(String serviceType, boolean inNetwork) {
        return outOfPocketTotal(serviceType, inNetwork, CoverageLevel.INDIVIDUAL);
    }

    public Optional<BigDecimal> outOfPocketTotal(String serviceType, boolean inNetwork, CoverageLevel level) {
        return best(BenefitType.OUT_OF_POCKET, serviceType, inNetwork, level, true, EligibilityResponse::totalRank,
                Benefit::amount);
    }

    /** Individual out-of-pocket amount still to be reached (EB*G with EB06 29). */
    public Optional<BigDecimal> outOfPocketRemaining(String serviceType, boolean inNetwork) {
        return outOfPocketRemaining(serviceType, inNetwork, CoverageLevel.INDIVIDUAL);
    }

    public Optional<BigDecimal> outOfPocketRemaining(String serviceType, boolean inNetwork, CoverageLevel level) {
        return best(BenefitType.OUT_OF_POCKET, serviceType, inNetwork, level, true, EligibilityResponse::remainingRank,
                Benefit::amount);
    }

    private static final int NO_MATCH = Integer.MAX_VALUE;

    /**
     * The benefit that fits best: named service type before a benefit without service type; the
     * network asked for before W (both) before unknown, the other network never; the coverage level
     * asked for before none (other levels only when {@code strictLevel} is false); then the period.
     */
    private Optional<BigDecimal> best(BenefitType type, String serviceType, boolean inNetwork, CoverageLevel level,
            boolean strictLevel, ToIntFunction<TimePeriod> periodRank, Function<Benefit, BigDecimal> value) {
        return benefits.stream()
                .filter(b -> b.type() == type && value.apply(b) != null)
                .map(b -> new Ranked(b, new int[] {
                        serviceTypeRank(b, serviceType),
                        networkRank(b.network(), inNetwork),
                        levelRank(b.coverageLevel(), level, strictLevel),
                        periodRank.applyAsInt(b.timePeriod()) }))
                .filter(r -> Arrays.stream(r.rank()).noneMatch(x -> x == NO_MATCH))
                .min((x, y) -> Arrays.compare(x.rank(), y.rank()))
                .map(r -> value.apply(r.benefit()));
    }

    private record Ranked(Benefit benefit, int[] rank) {
    }

    private static int serviceTypeRank(Benefit benefit, String serviceType) {
        if (benefit.coversServiceType(serviceType)) {
            return 0;
        }
        return benefit.serviceTypeCodes().isEmpty() ? 1 : NO_MATCH;
    }

    private static int networkRank(Network network, boolean inNetwork) {
        return switch (network) {
            case IN_NETWORK -> inNetwork ? 0 : NO_MATCH;
            case OUT_OF_NETWORK -> inNetwork ? NO_MATCH : 0;
            case BOTH -> 1;
            case UNKNOWN -> 2;
        };
    }

    private static int levelRank(CoverageLevel found, CoverageLevel wanted, boolean strict) {
        if (found == wanted) {
            return 0;
        }
        if (found == null) {
            return 1;
        }
        return strict ? NO_MATCH : 2;
    }

    private static int totalRank(TimePeriod period) {
        if (period == null) {
            return 1;
        }
        return period.isPlanPeriod() ? 0 : NO_MATCH;
    }

    private static int remainingRank(TimePeriod period) {
        return period == TimePeriod.REMAINING ? 0 : NO_MATCH;
    }

    /** Leaves out the member id. */
    @Override
    public String toString() {
        return "EligibilityResponse[interchange=" + interchangeControlNumber + ", transaction=" + transactionControlNumber
                + ", trace=" + traceNumber + ", payerId=" + payerId + ", dependent=" + dependent + ", status=" + status
                + ", plan=" + planName + ", planBegin=" + planBegin + ", planEnd=" + planEnd + ", errors=" + errors
                + ", benefits=" + benefits.size() + ", warnings=" + warnings + "]";
    }
}
