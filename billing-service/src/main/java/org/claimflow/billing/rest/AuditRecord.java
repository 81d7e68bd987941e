package org.claimflow.billing.rest;

import java.util.UUID;

import org.claimflow.billing.service.AuditSubject;

import jakarta.enterprise.context.RequestScoped;

/**
 * What a resource learned about the object it answers for: its claim and patient, for the audit row of this request
 * ({@link AuditFilter}). Set once the object is known to be the caller's; left empty for an object not found.
 */
@RequestScoped
public class AuditRecord {

    private UUID claimId;
    private String patientRef;

    public void about(UUID claimId, String patientRef) {
        this.claimId = claimId;
        this.patientRef = patientRef;
    }

    public void about(AuditSubject subject) {
        about(subject.claimId(), subject.patientRef());
    }

    public UUID claimId() {
        return claimId;
    }

    public String patientRef() {
        return patientRef;
    }
}
