package org.claimflow.coding.service;

/** The code sets are still loading (or failed to): the edits cannot run yet. */
public class CodeSetsNotReadyException extends RuntimeException {

    public CodeSetsNotReadyException() {
        super("The coding edits are not available yet: the code sets are loading. Retry shortly.");
    }
}
