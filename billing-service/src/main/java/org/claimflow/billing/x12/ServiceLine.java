package org.claimflow.billing.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Loop 2400: one service line. {@code procedureCode} is a CPT/HCPCS code (SV101-2), up to four modifiers,
 * the line charge (at most two decimals), units (SV104, at most three decimals), one to four diagnosis
 * pointers (1-based positions in the claim's diagnosis list), the date of service (DTP*472) and the line
 * item control number (REF*6R) that the payer echoes in the 835 so the payment can be posted to this line.
 */
public record ServiceLine(String procedureCode, List<String> modifiers, BigDecimal charge, BigDecimal units,
        List<Integer> diagnosisPointers, LocalDate serviceDate, String lineItemControlNumber) {

    public ServiceLine {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        diagnosisPointers = diagnosisPointers == null ? List.of() : List.copyOf(diagnosisPointers);
    }
}
