package org.claimflow.sandbox.adjudication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.claimflow.sandbox.seed.Plan;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatientResponsibilityPolicyTest {

    private static final Map<String, Plan> PLANS = Map.of(
            "gold", plan("25.00", "0.00", "0.20"),
            "silver", plan("0.00", "100.00", "0.20"),
            "platinum", plan("0.00", "0.00", "0.00"));

    private final PatientResponsibilityPolicy policy =
            new PatientResponsibilityPolicy(Set.of("99202", "99212", "99213", "99214", "99215"));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "copay on the first office visit then 20% of the rest,     gold,     99213, 92.00,  false, 0.00,   25.00, 0.00,   13.40",
        "no second copay on the same claim,                        gold,     99213, 92.00,  true,  0.00,   0.00,  0.00,   18.40",
        "no copay on a lab code,                                   gold,     36415, 3.00,   false, 0.00,   0.00,  0.00,   0.60",
        "copay capped at the line's allowed amount,                gold,     99212, 20.00,  false, 0.00,   20.00, 0.00,   0.00",
        "deductible takes the whole allowed amount,                silver,   99213, 92.00,  false, 100.00, 0.00,  92.00,  0.00",
        "deductible remainder then coinsurance,                    silver,   99214, 131.00, false, 8.00,   0.00,  8.00,   24.60",
        "coinsurance rounds half up (2.112),                       silver,   80053, 10.56,  false, 0.00,   0.00,  0.00,   2.11",
        "coinsurance rounds half up (2.006),                       silver,   80053, 10.03,  false, 0.00,   0.00,  0.00,   2.01",
        "coinsurance rounds half up (1.476),                       silver,   85025, 7.38,   false, 0.00,   0.00,  0.00,   1.48",
        "coinsurance exactly half a cent rounds up (0.005),        silver,   99499, 0.025,  false, 0.00,   0.00,  0.00,   0.01",
        "nothing for the patient on a platinum plan,               platinum, 99213, 92.00,  false, 0.00,   0.00,  0.00,   0.00",
    })
    void splitsAllowedAmountIntoCopayDeductibleAndCoinsurance(String rule, String planName, String code, String allowed,
            boolean copayTaken, String deductibleRemaining, String copay, String deductible, String coinsurance) {
        PatientShare share = policy.share(PLANS.get(planName), code, new BigDecimal(allowed), copayTaken,
                new BigDecimal(deductibleRemaining));
        assertEquals(new PatientShare(new BigDecimal(copay), new BigDecimal(deductible), new BigDecimal(coinsurance)),
                share, rule);
    }

    private static Plan plan(String copay, String deductibleRemaining, String coinsurance) {
        return new Plan("test", new BigDecimal(copay), new BigDecimal("1000.00"), new BigDecimal(deductibleRemaining),
                new BigDecimal(coinsurance), null, null);
    }
}
