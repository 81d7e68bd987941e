package org.claimflow.sandbox.x12;

import io.xlate.edi.stream.EDIStreamValidationError;

/**
 * A defect the reader found.
 *
 * @param segmentPosition position in the transaction set (ST is 1); 0 for envelope segments outside one
 * @param elementPosition 1-based, or -1 for a segment-level error
 * @param componentPosition 1-based, or -1
 * @param referenceCode   the element's data dictionary number or, for a missing segment, its tag
 */
public record SyntaxIssue(EDIStreamValidationError error, String segmentTag, int segmentPosition,
        int elementPosition, int componentPosition, String referenceCode, String badValue) {

    public boolean isSegmentLevel() {
        return elementPosition < 1;
    }
}
