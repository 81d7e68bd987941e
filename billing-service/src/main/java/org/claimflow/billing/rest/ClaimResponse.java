package org.claimflow.billing.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.claimflow.billing.domain.ClaimStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A claim as the API shows it. {@code amounts} always reconcile: charged = paid + adjusted +
 * patientResponsibility + outstanding. Lists leave out {@code lines} and {@code history}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimResponse(
        UUID id,
        String practiceId,
        UUID encounterId,
        String patientControlNumber,
        ClaimStatus status,
        String payerId,
        String frequencyCode,
        String payerClaimControlNumber,
        /** A replacement (7) or void (8): the claim it corrects, and that claim's payer claim number (REF*F8). */
        UUID replacesClaimId,
        String originalPayerClaimControlNumber,
        LocalDate dateOfService,
        String placeOfService,
        List<String> diagnoses,
        Amounts amounts,
        Submission submission,
        List<Line> lines,
        List<Adjustment> claimAdjustments,
        List<HistoryEntry> history,
        /** The claim scrubber's last findings (empty when clean or never checked). */
        List<Finding> scrubFindings,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * {@code interest}: prompt-pay interest on the claim as the payer reported it (835 AMT*I): not part of paid (CLP04)
     * nor of the reconciliation; the payer pays it provider-level (PLB L6).
     */
    public record Amounts(BigDecimal charged, BigDecimal paid, BigDecimal adjusted, BigDecimal patientResponsibility,
                          BigDecimal outstanding, BigDecimal interest) {
    }

    public record Submission(String interchangeControlNumber, String groupControlNumber, String transactionControlNumber,
                             String status, Instant sentAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(int lineNumber, String procedureCode, List<String> modifiers, int units, List<Integer> diagnosisPointers,
                       BigDecimal chargeAmount, BigDecimal paidAmount, BigDecimal allowedAmount, String lineItemControlNumber,
                       List<Adjustment> adjustments) {
    }

    public record Adjustment(String groupCode, String reasonCode, BigDecimal amount) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Finding(String ruleId, String severity, String message, String field, String suggestedFix) {
    }

    public record HistoryEntry(Instant occurredAt, String kind, String detail) {
    }
}
