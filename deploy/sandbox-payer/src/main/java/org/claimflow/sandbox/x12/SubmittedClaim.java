package org.claimflow.sandbox.x12;

import org.claimflow.sandbox.adjudication.Claim;

/**
 * A claim read from an 837P with the envelope context the acknowledgments echo.
 *
 * @param batchReference BHT03 of its transaction set
 * @param patient        the patient (2010CA) or, when the patient is the subscriber, the subscriber (2010BA)
 */
public record SubmittedClaim(Claim claim, Party submitter, Party billingProvider, String billingProviderTaxId,
        Party patient, String batchReference) {
}
