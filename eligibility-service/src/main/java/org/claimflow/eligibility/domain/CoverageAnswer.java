package org.claimflow.eligibility.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * A payer's answer, normalised: whether the member is covered, by what plan and when, and what the member
 * pays per service type asked for. An answer that could not be had is an ERROR answer with a reason, so
 * that callers never have to handle a payer's failure as an exception.
 */
public record CoverageAnswer(
        CoverageStatus status,
        String reasonCode,
        String reason,
        String planName,
        String groupNumber,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        List<ServiceTypeBenefits> benefits) {

    public CoverageAnswer {
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
    }

    public static CoverageAnswer error(String reasonCode, String reason) {
        return new CoverageAnswer(CoverageStatus.ERROR, reasonCode, reason, null, null, null, null, List.of());
    }

    /**
     * The in-network figures a claim's estimate is based on: each figure from the first service type that
     * states it, in the order of {@link #benefits} (the types asked for first, most relevant first).
     */
    public NetworkBenefits headline() {
        return new NetworkBenefits(
                first(NetworkBenefits::copay),
                first(NetworkBenefits::coinsurance),
                first(NetworkBenefits::deductibleTotal),
                first(NetworkBenefits::deductibleRemaining),
                first(NetworkBenefits::outOfPocketTotal),
                first(NetworkBenefits::outOfPocketRemaining));
    }

    private BigDecimal first(Function<NetworkBenefits, BigDecimal> figure) {
        return benefits.stream()
                .map(ServiceTypeBenefits::inNetwork)
                .filter(network -> network != null && figure.apply(network) != null)
                .map(figure)
                .findFirst()
                .orElse(null);
    }
}
