package org.claimflow.denial.domain;

/** Who works a denial: coders fix codes, the front desk fixes coverage and authorizations, billers the rest. */
public enum WorkQueue {
    CODING,
    FRONT_DESK,
    BILLING
}
