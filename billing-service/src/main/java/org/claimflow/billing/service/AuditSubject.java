package org.claimflow.billing.service;

import java.util.UUID;

/**
 * Whom an object is about, for its audit rows: its claim (null for an object that is not one claim's, e.g. a patient
 * account) and the patient's member id.
 */
public record AuditSubject(UUID claimId, String patientRef) {
}
