package org.claimflow.coding.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The encounter as the coding edits see it: codes, lines and providers, no patient identity beyond what
 * the age and sex edits need.
 */
public record CodedEncounter(
        LocalDate dateOfService,
        String placeOfService,
        LocalDate patientDateOfBirth,
        String patientSex,
        String billingProviderNpi,
        String renderingProviderNpi,
        List<String> diagnoses,
        List<Line> serviceLines) {

    public record Line(int lineNumber, String procedureCode, List<String> modifiers, int units,
                       List<Integer> diagnosisPointers, BigDecimal chargeAmount) {
    }
}
