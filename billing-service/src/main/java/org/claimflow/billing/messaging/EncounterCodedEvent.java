package org.claimflow.billing.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What billing reads of coding-service's {@code claims.encounter-coded.v1} (docs/events.md). Our own copy:
 * a contract test checks sample events against the producer's schema.
 */
public record EncounterCodedEvent(
        UUID encounterId,
        String externalId,
        LocalDate dateOfService,
        String placeOfService,
        Patient patient,
        Coverage coverage,
        BillingProvider billingProvider,
        RenderingProvider renderingProvider,
        List<String> diagnoses,
        List<ServiceLine> serviceLines,
        Correction correction) {

    public record Address(String line1, String line2, String city, String state, String postalCode) {
    }

    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex, Address address) {
    }

    public record Coverage(String payerId, String memberId, String relationship) {
    }

    public record BillingProvider(String npi, String taxId, String name, Address address) {
    }

    public record RenderingProvider(String npi, String firstName, String lastName) {
    }

    /**
     * Set when a coder corrected an encounter that a payer denied for coding: billing builds a replacement of
     * {@code claimId} from this encounter's codes instead of a new original claim. Null for a first coding.
     */
    public record Correction(UUID denialId, UUID claimId, String payerClaimControlNumber, String frequencyCode,
                             List<String> reasonCodes) {
    }

    public record ServiceLine(String procedureCode, List<String> modifiers, Integer units, List<Integer> diagnosisPointers,
                              BigDecimal chargeAmount) {

        public List<String> modifiersOrEmpty() {
            return modifiers == null ? List.of() : modifiers;
        }
    }
}
