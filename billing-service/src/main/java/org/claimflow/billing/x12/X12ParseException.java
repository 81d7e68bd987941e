package org.claimflow.billing.x12;

/**
 * Input could not be read as X12 (syntax, a damaged ISA, a truncated file, an amount that is not a number).
 * The message names the segment and its position in the file, never the data of the segment, so it is safe
 * to log: X12 files carry patient data.
 */
public class X12ParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int segmentPosition;

    public X12ParseException(String message) {
        this(message, -1, null);
    }

    public X12ParseException(String message, int segmentPosition) {
        this(message, segmentPosition, null);
    }

    public X12ParseException(String message, int segmentPosition, Throwable cause) {
        super(message, cause);
        this.segmentPosition = segmentPosition;
    }

    /** 1-based position of the offending segment in the file, or -1 when the problem is not tied to one segment. */
    public int segmentPosition() {
        return segmentPosition;
    }
}
