package org.claimflow.denial.messaging;

/** Topics this service produces and the event types it consumes; the README's event table lists who consumes what. */
public final class Topics {

    public static final String DENIAL_ROUTED = "claims.denial-routed.v1";
    public static final String DENIAL_ROUTED_TYPE = "DenialRouted";
    public static final String CLAIM_CORRECTION_REQUESTED = "claims.claim-correction-requested.v1";
    public static final String CLAIM_CORRECTION_REQUESTED_TYPE = "ClaimCorrectionRequested";
    public static final String CLAIM_ADJUDICATED_TYPE = "ClaimAdjudicated";
    public static final String ENCOUNTER_CODED_TYPE = "EncounterCoded";

    private Topics() {
    }
}
