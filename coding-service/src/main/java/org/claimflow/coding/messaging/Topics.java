package org.claimflow.coding.messaging;

/** Topics this service produces; the README's event table lists who consumes them. */
public final class Topics {

    public static final String ENCOUNTER_CODED = "claims.encounter-coded.v1";
    public static final String ENCOUNTER_CODED_TYPE = "EncounterCoded";

    private Topics() {
    }
}
