package org.claimflow.denial.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What denial-service reads of billing's {@code claims.claim-adjudicated.v1} (docs/events.md). Fields it
 * does not need (trace number, allowed amounts, ...) are left out and ignored. {@code frequencyCode} and
 * {@code replacesClaimId} are optional: an event without them is an original claim. {@code memberId},
 * {@code patient} and {@code billingProvider} are optional too, and fill the appeal letter.
 */
public record ClaimAdjudicatedEvent(
        UUID claimId,
        UUID encounterId,
        String payerId,
        UUID remittanceId,
        String patientControlNumber,
        String payerClaimControlNumber,
        String outcome,
        BigDecimal totalCharge,
        BigDecimal paidAmount,
        LocalDate remittanceDate,
        LocalDate dateOfService,
        List<Adjustment> adjustments,
        List<ServiceLine> serviceLines,
        String frequencyCode,
        UUID replacesClaimId,
        String memberId,
        Patient patient,
        BillingProvider billingProvider) {

    /** For the appeal letter only; patient data, never logged. */
    public record Patient(String firstName, String lastName, LocalDate dateOfBirth) {
        @Override
        public String toString() {
            return "Patient[…]";
        }
    }

    public record BillingProvider(String npi, String name, Address address) {
    }

    public record Address(String line1, String line2, String city, String state, String postalCode) {
    }

    public record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {
    }

    public record ServiceLine(Integer lineNumber, String procedureCode, BigDecimal chargeAmount, BigDecimal paidAmount,
                              List<Adjustment> adjustments, List<String> remarkCodes) {
    }

    public List<Adjustment> adjustmentsOrEmpty() {
        return adjustments == null ? List.of() : adjustments;
    }

    public List<ServiceLine> serviceLinesOrEmpty() {
        return serviceLines == null ? List.of() : serviceLines;
    }
}
