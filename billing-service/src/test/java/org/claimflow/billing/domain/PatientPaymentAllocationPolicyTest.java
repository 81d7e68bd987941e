package org.claimflow.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class PatientPaymentAllocationPolicyTest {

    private static List<BigDecimal> money(String... amounts) {
        return java.util.Arrays.stream(amounts).map(BigDecimal::new).toList();
    }

    @Test
    void appliesAPaymentToTheOldestVisitFirst() {
        var allocation = PatientPaymentAllocationPolicy.allocate(money("38.40", "25.00"), new BigDecimal("50.00"));
        assertEquals(money("38.40", "11.60"), allocation.applied());
        assertEquals(new BigDecimal("0.00"), allocation.credit());
    }

    @Test
    void keepsWhatNoVisitTakesAsACredit() {
        var allocation = PatientPaymentAllocationPolicy.allocate(money("10.00", "0.00"), new BigDecimal("25.00"));
        assertEquals(money("10.00", "0.00"), allocation.applied());
        assertEquals(new BigDecimal("15.00"), allocation.credit());
    }

    @Test
    void appliesNothingToAVisitWhoseResponsibilityWasTakenBack() {
        var allocation = PatientPaymentAllocationPolicy.allocate(money("-5.00", "20.00"), new BigDecimal("20.00"));
        assertEquals(money("0.00", "20.00"), allocation.applied());
        assertEquals(new BigDecimal("0.00"), allocation.credit());
    }

    @Test
    void appliesNothingWhenThePatientPaidNothing() {
        var allocation = PatientPaymentAllocationPolicy.allocate(money("38.40"), BigDecimal.ZERO);
        assertEquals(money("0.00"), allocation.applied());
        assertEquals(new BigDecimal("0.00"), allocation.credit());
    }
}
