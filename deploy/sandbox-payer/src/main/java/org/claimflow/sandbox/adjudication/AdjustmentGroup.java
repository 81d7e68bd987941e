package org.claimflow.sandbox.adjudication;

/** CAS01 group codes. */
public enum AdjustmentGroup {
    /** Contractual obligation: the provider writes it off. */
    CO,
    /** Patient responsibility: billed to the patient. */
    PR,
    OA,
    PI,
    CR
}
