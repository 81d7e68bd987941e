package org.claimflow.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClaimBalanceTest {

    @ParameterizedTest(name = "{0} = {1} + {2} + {3} + {4}")
    @CsvSource({
            "150.00, 0, 0, 0, 150.00",           // before adjudication the whole charge is outstanding
            "150.00, 53.60, 58.00, 38.40, 0.00", // Ada's office visit, paid
            "1100.00, 92, 1008, 0, 0.00",        // a denied line written off
            "150.00, 0.00, 0.00, 0.00, 150.00",  // after a reversal nets the payment out
            "0.10, 0.03, 0.03, 0.03, 0.01",      // cents are exact, never floating point
    })
    void reconcilesChargeToTheCent(String charged, String paid, String adjusted, String patient, String outstanding) {
        ClaimBalance balance = new ClaimBalance(new BigDecimal(charged), new BigDecimal(paid), new BigDecimal(adjusted),
                new BigDecimal(patient));
        assertEquals(new BigDecimal(outstanding), balance.outstanding());
        assertEquals(balance.charged(), balance.paid().add(balance.adjusted()).add(balance.patientResponsibility()).add(balance.outstanding()));
    }

    @Test
    void refusesFractionsOfACent() {
        assertThrows(ArithmeticException.class, () -> new ClaimBalance(new BigDecimal("1.005"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }
}
