package org.claimflow.billing.messaging;

/** Topics this service produces; the README's event table lists who consumes them. */
public final class Topics {

    public static final String CLAIM_ASSEMBLED = "claims.claim-assembled.v1";
    public static final String CLAIM_ASSEMBLED_TYPE = "ClaimAssembled";
    public static final String CLAIM_SUBMITTED = "claims.claim-submitted.v1";
    public static final String CLAIM_SUBMITTED_TYPE = "ClaimSubmitted";
    public static final String CLAIM_ADJUDICATED = "claims.claim-adjudicated.v1";
    public static final String CLAIM_ADJUDICATED_TYPE = "ClaimAdjudicated";

    /** Consumed. */
    public static final String ENCOUNTER_CODED_TYPE = "EncounterCoded";
    public static final String ELIGIBILITY_CHECKED_TYPE = "EligibilityChecked";
    public static final String CLAIM_CORRECTION_REQUESTED_TYPE = "ClaimCorrectionRequested";

    private Topics() {
    }
}
