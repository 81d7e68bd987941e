package org.claimflow.sandbox.x12;

import org.claimflow.sandbox.adjudication.ClaimAdjudication;

/**
 * One CLP loop to write: the adjudication, and the submitted claim that caused it (for a reversal, the
 * void or replacement), which names the payee and the patient.
 */
public record RemittanceEntry(SubmittedClaim submitted, ClaimAdjudication adjudication) {
}
