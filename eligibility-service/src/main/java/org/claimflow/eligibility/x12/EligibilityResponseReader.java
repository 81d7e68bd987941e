package org.claimflow.eligibility.x12;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads 271 eligibility responses (005010X279A1, and the older 005010X279) into
 * {@link EligibilityResponse}s: one per subscriber or dependent, for every transaction of every
 * interchange of the input, in file order.
 *
 * <p>Accepts a UTF-8 byte-order mark and line breaks or indentation between segments. Wrong segment
 * counts or control numbers in the envelope are read past and reported in
 * {@link EligibilityResponse#warnings()}; anything else malformed ends the read with an
 * {@link X12ParseException} naming the segment, and nothing of the input is returned. Nothing is
 * logged. Stateless and thread-safe.
 */
public final class EligibilityResponseReader {

    /** Far above any real-time 271; a batch this size belongs to another path. */
    public static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;

    public List<EligibilityResponse> read(String x12) throws X12ParseException {
        if (x12 == null) {
            throw new X12ParseException("Empty input: no X12 interchange");
        }
        return read(x12.getBytes(StandardCharsets.UTF_8));
    }

    public List<EligibilityResponse> read(InputStream in) throws X12ParseException {
        if (in == null) {
            throw new X12ParseException("Empty input: no X12 interchange");
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
        } catch (IOException e) {
            throw new X12ParseException("Could not read the X12 input (" + e.getClass().getSimpleName() + ")");
        }
        return read(bytes);
    }

    public List<EligibilityResponse> read(byte[] x12) throws X12ParseException {
        if (x12 == null || x12.length == 0) {
            throw new X12ParseException("Empty input: no X12 interchange");
        }
        if (x12.length > MAX_INPUT_BYTES) {
            throw new X12ParseException("X12 input is larger than " + MAX_INPUT_BYTES + " bytes");
        }
        List<EligibilityResponse> responses = new ArrayList<>();
        for (X12SegmentReader.Transaction transaction : X12SegmentReader.read(x12)) {
            responses.addAll(Eligibility271Mapper.map(transaction));
        }
        if (responses.isEmpty()) {
            throw new X12ParseException("The interchange holds no 271 transaction");
        }
        return responses;
    }
}
