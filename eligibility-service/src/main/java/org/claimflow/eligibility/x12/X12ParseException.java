package org.claimflow.eligibility.x12;

/**
 * An X12 document could not be read. The message says what is wrong and where (segment position and
 * tag when known), never the data found there: it may be patient data.
 */
public class X12ParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int segmentPosition;
    private final String segmentTag;

    public X12ParseException(String reason) {
        this(reason, -1, null, null);
    }

    public X12ParseException(String reason, int segmentPosition, String segmentTag) {
        this(reason, segmentPosition, segmentTag, null);
    }

    public X12ParseException(String reason, int segmentPosition, String segmentTag, Throwable cause) {
        super(where(reason, segmentPosition, segmentTag), cause);
        this.segmentPosition = segmentPosition;
        this.segmentTag = segmentTag;
    }

    private static String where(String reason, int segmentPosition, String segmentTag) {
        if (segmentPosition <= 0) {
            return reason;
        }
        return reason + " (segment " + segmentPosition + (segmentTag == null ? "" : " " + segmentTag) + ")";
    }

    /** Position of the offending segment in its interchange (ISA = 1), or -1 when unknown. */
    public int segmentPosition() {
        return segmentPosition;
    }

    /** Tag of the offending segment, or null when unknown. */
    public String segmentTag() {
        return segmentTag;
    }
}
