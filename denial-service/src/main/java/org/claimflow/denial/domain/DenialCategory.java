package org.claimflow.denial.domain;

/** Why a payer denied, in the words of the denial-routed contract (docs/events.md). */
public enum DenialCategory {
    ELIGIBILITY,
    AUTHORIZATION,
    CODING,
    MEDICAL_NECESSITY,
    TIMELY_FILING,
    DUPLICATE,
    COORDINATION_OF_BENEFITS,
    NON_COVERED,
    BENEFIT_MAXIMUM,
    MISSING_INFORMATION,
    OTHER
}
