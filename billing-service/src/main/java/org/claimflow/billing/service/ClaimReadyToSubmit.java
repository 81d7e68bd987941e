package org.claimflow.billing.service;

/** Fired in the transaction that makes a claim READY_TO_SUBMIT; after the commit it wakes the submission job. */
public record ClaimReadyToSubmit() {
}
