package org.claimflow.billing.domain;

/** What moved a patient's balance. */
public enum LedgerEntryKind {
    /** Patient responsibility (PR adjustments) posted from a remittance. */
    CHARGE,
    /** Money the patient paid. */
    PAYMENT,
    /** Patient responsibility taken back: a reversal (CLP02 22) or a re-adjudication that lowered it. */
    ADJUSTMENT
}
