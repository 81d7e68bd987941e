package org.claimflow.billing.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.claimflow.billing.domain.AdjudicationOutcome;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Payload of {@code claims.claim-adjudicated.v1}; schema in {@code src/main/resources/events/}. */
public record ClaimAdjudicatedEvent(
        UUID claimId,
        UUID encounterId,
        String payerId,
        UUID remittanceId,
        String patientControlNumber,
        String payerClaimControlNumber,
        String claimStatusCode,
        AdjudicationOutcome outcome,
        BigDecimal totalCharge,
        BigDecimal paidAmount,
        BigDecimal patientResponsibility,
        LocalDate remittanceDate,
        String traceNumber,
        LocalDate dateOfService,
        List<Adjustment> adjustments,
        List<Line> serviceLines,
        /** CLM05-3 of the adjudicated claim: 1 original, 7 replacement, 8 void. */
        String frequencyCode,
        /** The claim a replacement or void corrects; null for an original. */
        @JsonInclude(JsonInclude.Include.ALWAYS) UUID replacesClaimId,
        String memberId,
        Patient patient,
        BillingProvider billingProvider) {

    /** What an appeal letter needs of the patient; no more (no address, no sex). */
    public record Patient(String firstName, String lastName, LocalDate dateOfBirth) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Address(String line1, String line2, String city, String state, String postalCode) {
    }

    public record BillingProvider(String npi, String name, Address address) {
    }

    public record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {
    }

    public record Line(int lineNumber, String procedureCode, List<String> modifiers, int units, BigDecimal chargeAmount,
                       BigDecimal paidAmount,
                       @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal allowedAmount,
                       List<Adjustment> adjustments, List<String> remarkCodes) {
    }
}
