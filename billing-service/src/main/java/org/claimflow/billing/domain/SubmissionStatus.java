package org.claimflow.billing.domain;

public enum SubmissionStatus {
    /** Written and stored; being sent (again after a crash or an unreachable clearinghouse). */
    SENDING,
    /** The clearinghouse accepted the interchange (999 A or E). */
    SENT,
    /** The clearinghouse rejected the interchange (999 R): its claims are REJECTED. */
    REJECTED
}
