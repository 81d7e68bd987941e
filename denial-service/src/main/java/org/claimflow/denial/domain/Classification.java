package org.claimflow.denial.domain;

/** What a denial is about and who works it. */
public record Classification(DenialCategory category, String rootCause, WorkQueue queue, boolean appealable,
                             boolean correctable) {
}
