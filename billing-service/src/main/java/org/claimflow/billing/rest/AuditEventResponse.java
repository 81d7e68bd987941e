package org.claimflow.billing.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of the audit trail, as the compliance endpoint shows it. */
public record AuditEventResponse(UUID id, Instant occurredAt, String practiceId, String actor, List<String> roles,
                                 String action, String endpoint, String objectType, String objectId, UUID claimId,
                                 String patientRef, String outcome, int status, String requestId) {
}
