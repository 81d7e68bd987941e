package org.claimflow.sandbox.x12;

import java.util.List;

/**
 * One IK3 of a 999 with its IK4s.
 *
 * @param position  position in the transaction set (ST is 1) where the segment is, or was expected
 * @param loopId    IK303, empty when unknown
 * @param errorCode IK304: 1 unrecognized segment, 2 unexpected, 3 required segment missing,
 *                  7 not in proper sequence, 8 segment has data element errors, …
 */
public record SegmentError(String tag, int position, String loopId, String errorCode, List<ElementError> elements) {

    public SegmentError {
        elements = List.copyOf(elements);
    }

    public static SegmentError missing(String tag, int position, String loopId) {
        return new SegmentError(tag, position, loopId, "3", List.of());
    }

    public static SegmentError withElementErrors(Segment segment, String loopId, List<ElementError> elements) {
        return new SegmentError(segment.tag(), segment.position(), loopId, "8", elements);
    }

    /**
     * One IK4.
     *
     * @param component  component position, or -1 for a simple element
     * @param reference  data element reference number (IK402), may be empty
     * @param errorCode  IK403: 1 required missing, 4 too short, 5 too long, 6 invalid character,
     *                   7 invalid code value, 8 invalid date, …
     * @param badValue   IK404, a copy of the bad value; left empty for names and member ids
     */
    public record ElementError(int position, int component, String reference, String errorCode, String badValue) {
    }
}
