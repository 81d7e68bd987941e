package org.claimflow.billing.x12;

import java.util.List;

/**
 * IK3 of a 999: the segment in error. {@code segmentId} IK301, {@code position} IK302 (position within the
 * transaction set, ST = 1), {@code loopId} IK303 (null when absent), {@code errorCode} IK304 (null when only
 * element errors are reported), and the IK4 element errors under it.
 */
public record SegmentError(String segmentId, int position, String loopId, String errorCode,
        List<ElementError> elementErrors) {

    public SegmentError {
        elementErrors = List.copyOf(elementErrors);
    }
}
