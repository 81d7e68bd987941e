package org.claimflow.sandbox.adjudication;

import java.util.List;

/** Rule 4: CLP02 is 4 (denied) when every line was denied, else 1 (processed as primary). */
public final class ClaimStatusPolicy {

    public ClaimStatus status(List<LineAdjudication> lines) {
        boolean allDenied = !lines.isEmpty() && lines.stream().allMatch(LineAdjudication::isDenied);
        return allDenied ? ClaimStatus.DENIED : ClaimStatus.PROCESSED_AS_PRIMARY;
    }
}
