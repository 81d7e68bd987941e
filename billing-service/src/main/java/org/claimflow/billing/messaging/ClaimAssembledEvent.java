package org.claimflow.billing.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Payload of {@code claims.claim-assembled.v1}; schema in {@code src/main/resources/events/}. */
public record ClaimAssembledEvent(
        UUID claimId,
        UUID encounterId,
        String patientControlNumber,
        String payerId,
        String memberId,
        String relationship,
        Subscriber subscriber,
        String billingProviderNpi,
        LocalDate dateOfService,
        String placeOfService,
        BigDecimal totalCharge,
        List<Line> serviceLines) {

    public record Subscriber(String firstName, String lastName, LocalDate dateOfBirth, String sex) {
    }

    public record Line(int lineNumber, String procedureCode, List<String> modifiers, int units, BigDecimal chargeAmount) {
    }
}
