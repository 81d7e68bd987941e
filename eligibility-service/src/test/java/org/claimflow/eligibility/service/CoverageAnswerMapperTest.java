package org.claimflow.eligibility.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.claimflow.eligibility.domain.CoverageAnswer;
import org.claimflow.eligibility.domain.CoverageStatus;
import org.claimflow.eligibility.domain.NetworkBenefits;
import org.claimflow.eligibility.x12.Benefit;
import org.claimflow.eligibility.x12.BenefitType;
import org.claimflow.eligibility.x12.CoverageLevel;
import org.claimflow.eligibility.x12.EligibilityResponse;
import org.claimflow.eligibility.x12.EligibilityStatus;
import org.claimflow.eligibility.x12.Network;
import org.claimflow.eligibility.x12.RequestError;
import org.claimflow.eligibility.x12.TimePeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageAnswerMapperTest {

    private static final String TRACE = "8f1c2d3e-0000-4000-8000-000000000001";
    private static final List<String> PLAN_COVERAGE = List.of("30");

    /** Builds what the 271 reader gives for one subscriber; each test adds what it is about. */
    private static final class Response271 {
        private EligibilityStatus status = EligibilityStatus.ACTIVE;
        private String trace = TRACE;
        private final List<RequestError> errors = new ArrayList<>();
        private final List<Benefit> benefits = new ArrayList<>();

        static Response271 activeGoldPpo() {
            Response271 r = new Response271();
            r.benefits.add(benefit(BenefitType.ACTIVE_COVERAGE, "1", "30", null, null, null, Network.UNKNOWN));
            r.benefits.add(benefit(BenefitType.COPAYMENT, "B", "98", TimePeriod.VISIT, "25", null, Network.IN_NETWORK));
            r.benefits.add(benefit(BenefitType.COINSURANCE, "A", "30", null, null, "0.2", Network.IN_NETWORK));
            r.benefits.add(benefit(BenefitType.DEDUCTIBLE, "C", "30", TimePeriod.CALENDAR_YEAR, "500", null, Network.IN_NETWORK));
            r.benefits.add(benefit(BenefitType.DEDUCTIBLE, "C", "30", TimePeriod.REMAINING, "0", null, Network.IN_NETWORK));
            r.benefits.add(benefit(BenefitType.DEDUCTIBLE, "C", "30", TimePeriod.CALENDAR_YEAR, "1500", null, Network.OUT_OF_NETWORK));
            return r;
        }

        static Response271 rejected(EligibilityStatus status, String aaa03) {
            Response271 r = new Response271();
            r.status = status;
            r.errors.add(new RequestError("2100C", true, aaa03, "C"));
            return r;
        }

        Response271 trace(String trace) {
            this.trace = trace;
            return this;
        }

        Response271 status(EligibilityStatus status) {
            this.status = status;
            return this;
        }

        EligibilityResponse build() {
            return new EligibilityResponse("000000001", "0001", "REF", trace, "SANDBOX PPO", "SANDBOX-PPO", "M1", false,
                    null, status, "SANDBOX PPO GOLD", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), errors,
                    benefits, List.of());
        }

        private static Benefit benefit(BenefitType type, String code, String serviceType, TimePeriod period, String amount,
                                       String percent, Network network) {
            return new Benefit(type, code, CoverageLevel.INDIVIDUAL, List.of(serviceType), null, null, period,
                    amount == null ? null : new BigDecimal(amount), percent == null ? null : new BigDecimal(percent),
                    null, null, null, network, null, null, List.of());
        }
    }

    private static CoverageAnswer map(Response271 response) {
        return CoverageAnswerMapper.toAnswer(List.of(response.build()), TRACE, PLAN_COVERAGE);
    }

    @Test
    void takesTheOfficeVisitCopayWhenThePlanCoverageAnswerHasNone() {
        CoverageAnswer answer = map(Response271.activeGoldPpo());

        assertEquals(CoverageStatus.ACTIVE, answer.status());
        assertEquals(List.of("30", "98"), answer.benefits().stream().map(b -> b.serviceTypeCode()).toList());
        NetworkBenefits headline = answer.headline();
        assertEquals(new BigDecimal("25.00"), headline.copay());
        assertEquals(new BigDecimal("0.20"), headline.coinsurance());
        assertEquals(new BigDecimal("500.00"), headline.deductibleTotal());
        assertEquals(new BigDecimal("0.00"), headline.deductibleRemaining());
        assertNull(headline.outOfPocketTotal());
    }

    @Test
    void keepsOutOfNetworkFiguresApartFromInNetworkOnes() {
        CoverageAnswer answer = map(Response271.activeGoldPpo());
        assertEquals(new BigDecimal("500.00"), answer.benefits().get(0).inNetwork().deductibleTotal());
        assertEquals(new BigDecimal("1500.00"), answer.benefits().get(0).outOfNetwork().deductibleTotal());
        assertNull(answer.benefits().get(1).outOfNetwork(), "no out-of-network figure for the office visit");
    }

    @ParameterizedTest(name = "AAA {0} -> {1} {2}")
    @CsvSource({
            "NOT_FOUND, 72, NOT_FOUND, 72",
            "NOT_FOUND, 75, NOT_FOUND, 75",
            // the member exists but the name or birth date sent does not match: not found as identified
            "REJECTED,  73, NOT_FOUND, 73",
            "REJECTED,  71, NOT_FOUND, 71",
            // the request itself is at fault (provider, dates): the claim's data must be corrected
            "REJECTED,  43, ERROR,     43",
            "REJECTED,  57, ERROR,     57",
            // the payer cannot answer now: ask again later
            "ERROR,     42, ERROR,     PAYER_UNAVAILABLE",
            "ERROR,     80, ERROR,     PAYER_UNAVAILABLE",
            // no AAA03 at all (found by EligibilityResponseReaderFuzzTest, it threw NullPointerException)
            "REJECTED,    , ERROR,              ",
    })
    void mapsThePayersRejectReasonToAStatusAndReasonCode(EligibilityStatus read, String aaa03, CoverageStatus status,
                                                         String reasonCode) {
        CoverageAnswer answer = map(Response271.rejected(read, aaa03));
        assertEquals(status, answer.status());
        assertEquals(reasonCode, answer.reasonCode());
    }

    @Test
    void saysCoverageInactiveForAnInactiveMember() {
        CoverageAnswer answer = map(Response271.activeGoldPpo().status(EligibilityStatus.INACTIVE));
        assertEquals(CoverageStatus.INACTIVE, answer.status());
        assertEquals("COVERAGE_INACTIVE", answer.reasonCode());
    }

    @Test
    void refusesAnAnswerThatEchoesAnotherInquirysTrace() {
        CoverageAnswer answer = map(Response271.activeGoldPpo().trace("someone-elses-trace"));
        assertEquals(CoverageStatus.ERROR, answer.status());
        assertEquals("INVALID_RESPONSE", answer.reasonCode());
    }

    @Test
    void takesAnAnswerRejectedBeforeTheSubscriberLevelThatHasNoTrace() {
        CoverageAnswer answer = map(Response271.rejected(EligibilityStatus.REJECTED, "79").trace(null));
        assertEquals(CoverageStatus.ERROR, answer.status());
        assertEquals("79", answer.reasonCode());
    }

    @Test
    void treatsAnAnswerWithoutCoverageOrErrorsAsInvalid() {
        CoverageAnswer answer = map(new Response271().status(EligibilityStatus.UNKNOWN));
        assertEquals(CoverageStatus.ERROR, answer.status());
        assertEquals("INVALID_RESPONSE", answer.reasonCode());
    }
}
