package org.claimflow.eligibility.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatientShareEstimatePolicyTest {

    @ParameterizedTest(name = "charge {0}, copay {1}, deductible left {2}, coinsurance {3} -> {4}")
    @CsvSource(nullValues = "null", value = {
            // the sandbox members on the 162.00 office visit (99213-25 + 36415)
            "162.00, 25.00,    0.00, 0.20,  52.40",   // Ada: copay, then 20 % of 137.00
            "162.00,  0.00,  100.00, 0.20, 112.40",   // Alan: 100.00 deductible, then 20 % of 62.00
            "162.00,  0.00,    0.00, 0.00,   0.00",   // Edsger: no patient cost
            // the deductible takes all that is left after the copay
            "100.00, 25.00,  500.00, 0.20, 100.00",
            // a copay above the charge is capped at the charge
            " 20.00, 25.00,    0.00, 0.20,  20.00",
            // half-up to cents: 25 % of 100.10 is 25.025; 12.5 % of 100.04 is 12.505
            "100.10,  0.00,    0.00, 0.25,  25.03",
            "100.04,  0.00,    0.00, 0.125, 12.51",
            // what the payer did not state counts as zero
            "150.00,  null,    null, null,   0.00",
            "150.00,  null,    null, 0.20,  30.00",
    })
    void estimatesCopayThenDeductibleThenCoinsuranceOnTheCharge(BigDecimal charge, BigDecimal copay,
                                                                BigDecimal deductibleRemaining, BigDecimal coinsurance,
                                                                BigDecimal expected) {
        assertEquals(expected, PatientShareEstimatePolicy.estimate(charge, copay, deductibleRemaining, coinsurance));
    }

    @Test
    void estimatesNothingOnANothingCharge() {
        assertEquals(new BigDecimal("0.00"), PatientShareEstimatePolicy.estimate(BigDecimal.ZERO,
                new BigDecimal("25.00"), BigDecimal.ZERO, new BigDecimal("0.20")));
        assertEquals(new BigDecimal("0.00"), PatientShareEstimatePolicy.estimate(null,
                new BigDecimal("25.00"), BigDecimal.ZERO, new BigDecimal("0.20")));
    }

    @Test
    void neverEstimatesMoreThanTheChargeEvenWithACoinsuranceAboveOne() {
        assertEquals(new BigDecimal("80.00"), PatientShareEstimatePolicy.estimate(new BigDecimal("80.00"),
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("1.50")));
    }

    @Test
    void readsTheFiguresOfTheInNetworkHeadline() {
        NetworkBenefits ada = new NetworkBenefits(new BigDecimal("25.00"), new BigDecimal("0.20"), new BigDecimal("500.00"),
                new BigDecimal("0.00"), new BigDecimal("3000.00"), new BigDecimal("2500.00"));
        assertEquals(new BigDecimal("52.40"), PatientShareEstimatePolicy.estimate(new BigDecimal("162.00"), ada));
    }
}
