package org.claimflow.denial.rest;

import java.time.Instant;
import java.util.UUID;

public record ClaimCorrectionResponse(UUID id, UUID denialId, UUID claimId, String payerClaimControlNumber,
                                      String frequencyCode, String reason, String requestedBy, Instant createdAt) {
}
