package org.claimflow.coding.service;

import java.util.UUID;

/** Whom an object is about, for its audit rows: its claim and the patient's member id (null when not reported). */
public record AuditSubject(UUID claimId, String patientRef) {
}
