package org.claimflow.eligibility.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reading helpers shared by the X12 tests. */
final class X12TestSupport {

    private X12TestSupport() {
    }

    static byte[] resource(String path) {
        try (InputStream in = X12TestSupport.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every error StAEDI reports for a 270 read with the envelope schema (its own, code values
     * included) and our 005010X279A1 transaction schema. A UTF-8 BOM is skipped.
     */
    static List<String> schemaErrorsOf270(byte[] edi) throws Exception {
        int start = edi.length >= 3 && edi[0] == (byte) 0xEF && edi[1] == (byte) 0xBB && edi[2] == (byte) 0xBF ? 3 : 0;
        List<String> errors = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader reader = factory.createEDIStreamReader(
                new ByteArrayInputStream(edi, start, edi.length - start), "UTF-8")) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.START_TRANSACTION) {
                    reader.setTransactionSchema(X12Schemas.inquiry270());
                }
                if (event.isError()) {
                    Location at = reader.getLocation();
                    errors.add(reader.getErrorType() + " at " + at.getSegmentTag() + " segment " + at.getSegmentPosition()
                            + " element " + at.getElementPosition());
                }
            }
        }
        return errors;
    }

    static List<String> schemaErrorsOf270(String edi) throws Exception {
        return schemaErrorsOf270(edi.getBytes(StandardCharsets.US_ASCII));
    }

    /** Segments of an interchange written with ~ as terminator, without surrounding white space. */
    static List<String> segments(String edi) {
        return Arrays.stream(edi.split("~")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String segmentStartingWith(String edi, String prefix) {
        return segments(edi).stream().filter(s -> s.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("No segment starting with " + prefix));
    }

    static String element(String segment, int position) {
        String[] elements = segment.split("\\*", -1);
        return position < elements.length ? elements[position] : "";
    }
}
