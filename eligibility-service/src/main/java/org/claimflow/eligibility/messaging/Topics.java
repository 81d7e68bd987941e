package org.claimflow.eligibility.messaging;

/** Topics this service produces; the README's event table lists who consumes them. */
public final class Topics {

    public static final String ELIGIBILITY_CHECKED = "claims.eligibility-checked.v1";
    public static final String ELIGIBILITY_CHECKED_TYPE = "EligibilityChecked";

    private Topics() {
    }
}
