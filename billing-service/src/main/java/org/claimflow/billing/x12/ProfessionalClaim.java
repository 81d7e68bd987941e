package org.claimflow.billing.x12;

import java.math.BigDecimal;
import java.util.List;

/**
 * One professional claim (loop 2300 with its provider, subscriber, payer and optional patient).
 * {@code patient} is null when the subscriber is the patient. {@code patientControlNumber} is CLM01 (at
 * most 20 characters, given by the caller, echoed as CLP01 in the 835). {@code totalCharge} must equal the
 * sum of the line charges. {@code placeOfService} is the two-digit CMS code (CLM05-1).
 * {@code payerClaimControlNumber} (REF*F8) is required for a replacement or void and absent otherwise.
 * {@code diagnoses} are ICD-10-CM codes, principal first, with or without the dot (written without).
 * {@code renderingProvider} may be null; it is written only when its NPI differs from the billing provider's.
 */
public record ProfessionalClaim(
        BillingProvider billingProvider,
        Subscriber subscriber,
        Payer payer,
        Patient patient,
        String patientControlNumber,
        BigDecimal totalCharge,
        String placeOfService,
        ClaimFrequency frequency,
        String payerClaimControlNumber,
        List<String> diagnoses,
        RenderingProvider renderingProvider,
        List<ServiceLine> lines) {

    public ProfessionalClaim {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
