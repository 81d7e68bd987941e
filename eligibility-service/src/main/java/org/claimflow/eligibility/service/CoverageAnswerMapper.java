package org.claimflow.eligibility.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.claimflow.eligibility.domain.Amounts;
import org.claimflow.eligibility.domain.CoverageAnswer;
import org.claimflow.eligibility.domain.CoverageStatus;
import org.claimflow.eligibility.domain.NetworkBenefits;
import org.claimflow.eligibility.domain.ReasonCodes;
import org.claimflow.eligibility.domain.ServiceTypeBenefits;
import org.claimflow.eligibility.x12.BenefitType;
import org.claimflow.eligibility.x12.EligibilityResponse;
import org.claimflow.eligibility.x12.RequestError;

/**
 * Turns the 271 reader's {@link EligibilityResponse}s into the answer this service stores and publishes.
 *
 * <p>Service types: one entry per type asked, then the professional office visit (98), then any other type
 * the payer stated cost figures for, in that order: {@link CoverageAnswer#headline()} takes each figure from
 * the first entry that states it (a payer answering for 30 commonly puts the office-visit copay on 98).
 */
final class CoverageAnswerMapper {

    static final String OFFICE_VISIT = "98";

    /** AAA reject reasons that mean "this member, as identified, is not known" (the contract's NOT_FOUND). */
    private static final Set<String> MEMBER_NOT_IDENTIFIED = Set.of(
            "64", "65", "66", "67", "68", "71", "72", "73", "74", "75", "76", "77", "78");
    private static final Set<BenefitType> COST_TYPES = Set.of(
            BenefitType.COPAYMENT, BenefitType.COINSURANCE, BenefitType.DEDUCTIBLE, BenefitType.OUT_OF_POCKET);

    private CoverageAnswerMapper() {
    }

    /** The response that answers our inquiry (the payer echoes our trace number), as an answer. */
    static CoverageAnswer toAnswer(List<EligibilityResponse> responses, String traceNumber, List<String> serviceTypes) {
        Optional<EligibilityResponse> ours = responses.stream().filter(r -> traceNumber.equals(r.traceNumber())).findFirst()
                .or(() -> responses.stream().filter(r -> r.traceNumber() == null).findFirst());
        if (ours.isEmpty()) {
            return CoverageAnswer.error(ReasonCodes.INVALID_RESPONSE, "The payer's answer is for another inquiry.");
        }
        return toAnswer(ours.get(), serviceTypes);
    }

    static CoverageAnswer toAnswer(EligibilityResponse response, List<String> serviceTypes) {
        Optional<RequestError> error = response.errors().stream().findFirst();
        return switch (response.status()) {
            case ACTIVE -> answer(response, CoverageStatus.ACTIVE, null, null, serviceTypes);
            case INACTIVE -> answer(response, CoverageStatus.INACTIVE, ReasonCodes.COVERAGE_INACTIVE,
                    "Coverage is not active on the date of service.", serviceTypes);
            case NOT_FOUND, REJECTED -> rejected(response, error.orElse(null));
            case ERROR -> CoverageAnswer.error(ReasonCodes.PAYER_UNAVAILABLE, error.map(e -> "The payer could not answer now ("
                    + e.rejectReasonCode() + " " + e.description() + ").").orElse("The payer could not answer now."));
            case UNKNOWN -> CoverageAnswer.error(ReasonCodes.INVALID_RESPONSE, "The payer's answer says nothing about coverage.");
        };
    }

    private static CoverageAnswer rejected(EligibilityResponse response, RequestError error) {
        if (error == null) {
            return CoverageAnswer.error(ReasonCodes.INVALID_RESPONSE, "The payer rejected the inquiry without a reason.");
        }
        CoverageStatus status = error.rejectReasonCode() != null && MEMBER_NOT_IDENTIFIED.contains(error.rejectReasonCode())
                ? CoverageStatus.NOT_FOUND : CoverageStatus.ERROR;
        return new CoverageAnswer(status, error.rejectReasonCode(), error.description(), response.planName(),
                response.groupNumber(), response.planBegin(), response.planEnd(), List.of());
    }

    private static CoverageAnswer answer(EligibilityResponse response, CoverageStatus status, String reasonCode,
                                         String reason, List<String> serviceTypes) {
        List<ServiceTypeBenefits> benefits = new ArrayList<>();
        for (String type : serviceTypesOf(response, serviceTypes)) {
            NetworkBenefits in = network(response, type, true);
            NetworkBenefits out = network(response, type, false);
            if (serviceTypes.contains(type) || !in.statesNothing() || !out.statesNothing()) {
                benefits.add(new ServiceTypeBenefits(type, in, out.statesNothing() ? null : out));
            }
        }
        return new CoverageAnswer(status, reasonCode, reason, response.planName(), response.groupNumber(),
                response.planBegin(), response.planEnd(), benefits);
    }

    /** Asked types first, then the office visit, then the other types the payer stated cost figures for. */
    private static Set<String> serviceTypesOf(EligibilityResponse response, List<String> asked) {
        Set<String> types = new LinkedHashSet<>(asked);
        List<String> stated = response.benefits().stream()
                .filter(b -> COST_TYPES.contains(b.type()))
                .flatMap(b -> b.serviceTypeCodes().stream())
                .toList();
        if (stated.contains(OFFICE_VISIT)) {
            types.add(OFFICE_VISIT);
        }
        types.addAll(stated);
        return types;
    }

    private static NetworkBenefits network(EligibilityResponse r, String type, boolean inNetwork) {
        return new NetworkBenefits(
                Amounts.money(get(r::copay, type, inNetwork)),
                Amounts.fraction(get(r::coinsurance, type, inNetwork)),
                Amounts.money(get(r::deductibleTotal, type, inNetwork)),
                Amounts.money(get(r::deductibleRemaining, type, inNetwork)),
                Amounts.money(get(r::outOfPocketTotal, type, inNetwork)),
                Amounts.money(get(r::outOfPocketRemaining, type, inNetwork)));
    }

    private static BigDecimal get(BiFunction<String, Boolean, Optional<BigDecimal>> figure, String type, boolean inNetwork) {
        return figure.apply(type, inNetwork).orElse(null);
    }
}
