package org.claimflow.sandbox.adjudication;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A professional claim as the payer receives it.
 *
 * @param frequencyCode                   CLM05-3: 1 original, 7 replacement, 8 void
 * @param originalPayerClaimControlNumber REF*F8 on a replacement or void
 */
public record Claim(String patientControlNumber, String payerId, String memberId, BigDecimal totalCharge,
        String placeOfService, String frequencyCode, String originalPayerClaimControlNumber, List<ServiceLine> lines) {

    public static final String ORIGINAL = "1";
    public static final String REPLACEMENT = "7";
    public static final String VOID = "8";

    public Claim {
        lines = List.copyOf(lines);
    }

    public boolean isVoid() {
        return VOID.equals(frequencyCode);
    }

    public boolean isReplacement() {
        return REPLACEMENT.equals(frequencyCode);
    }

    public Optional<String> originalClaim() {
        return Optional.ofNullable(originalPayerClaimControlNumber).filter(s -> !s.isBlank());
    }
}
