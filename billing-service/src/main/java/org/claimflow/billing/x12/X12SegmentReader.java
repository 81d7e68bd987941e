package org.claimflow.billing.x12;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;

/**
 * Reads any X12 file into segments with StAEDI's {@link EDIStreamReader}, leniently: StAEDI checks the
 * envelope against its X12 control schema, and what it finds (like our own checks of SE01, SE02, GE01,
 * GE02, IEA01 and IEA02) becomes a warning on the {@link X12Document}, not a failure. A byte-order mark,
 * line breaks and indentation between segments are accepted, and so is a file whose last segment lacks its
 * terminator (with a warning).
 * <p>
 * Refused with an {@link X12ParseException}: input that does not begin with an ISA, an ISA that is not
 * fixed-width (its separators are not where X12 puts them), an X12 syntax error, and a truncated file (an
 * interchange, group or transaction that is never closed): half a file is never returned.
 */
public final class X12SegmentReader {

    /** Columns (0-based) of the element separators in the fixed-width ISA; the one at index i follows ISA(i). */
    private static final int[] ISA_SEPARATOR_COLUMNS = {3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103};
    private static final int ISA_LENGTH = 106;

    /** Envelope errors StAEDI reports that our own checks describe better (they name both numbers). */
    private static final Set<EDIStreamValidationError> COVERED_BY_OWN_CHECKS = Set.of(
            EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT,
            EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH);

    private X12SegmentReader() {
    }

    public static X12Document read(InputStream input) throws X12ParseException {
        try {
            return read(input.readAllBytes());
        } catch (IOException e) {
            throw new X12ParseException("could not read the input: " + e.getClass().getSimpleName(), -1, e);
        }
    }

    public static X12Document read(String x12) throws X12ParseException {
        return read(x12.getBytes(StandardCharsets.UTF_8));
    }

    public static X12Document read(byte[] bytes) throws X12ParseException {
        List<String> warnings = new ArrayList<>();
        String text = prepare(new String(bytes, StandardCharsets.UTF_8), warnings);
        Envelope envelope = new Envelope(warnings);
        try {
            readSegments(text, envelope);
        } catch (X12ParseException e) {
            throw e;
        } catch (Exception e) {
            // StAEDI signals syntax errors with EDIStreamException; anything else it throws on bad input is
            // reported the same way rather than escaping as an unchecked exception.
            throw envelope.syntaxError(e);
        }
        envelope.requireClosed();
        return new X12Document(envelope.interchanges, envelope.transactions, warnings);
    }

    /** Strips what StAEDI does not accept before the ISA and checks the fixed-width ISA. */
    private static String prepare(String raw, List<String> warnings) throws X12ParseException {
        int start = 0;
        if (raw.startsWith("\uFEFF")) {
            start = 1;
        }
        while (start < raw.length() && Character.isWhitespace(raw.charAt(start))) {
            start++;
        }
        String text = raw.substring(start);
        if (!text.startsWith("ISA")) {
            throw new X12ParseException("input does not start with an ISA segment", 1);
        }
        if (text.length() < ISA_LENGTH) {
            throw new X12ParseException("damaged ISA segment (segment 1): shorter than its fixed width of "
                    + ISA_LENGTH + " characters", 1);
        }
        char elementSeparator = text.charAt(3);
        for (int i = 1; i < ISA_SEPARATOR_COLUMNS.length; i++) {
            int column = ISA_SEPARATOR_COLUMNS[i];
            if (text.charAt(column) != elementSeparator) {
                throw new X12ParseException("damaged ISA segment (segment 1): ISA%02d does not have its fixed width (no element separator at column %d)"
                        .formatted(i, column + 1), 1);
            }
        }
        char terminator = text.charAt(ISA_LENGTH - 1);
        if (Character.isLetterOrDigit(terminator) || terminator == elementSeparator) {
            throw new X12ParseException("damaged ISA segment (segment 1): no valid segment terminator after ISA16", 1);
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) != terminator && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && text.charAt(end - 1) != terminator) {
            warnings.add("the last segment has no segment terminator; one was assumed");
            return text.substring(0, end) + terminator;
        }
        return text.substring(0, end);
    }

    private static void readSegments(String text, Envelope envelope) throws Exception {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(utf8), "UTF-8")) {
            SegmentBuilder segment = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> segment = new SegmentBuilder(reader.getText(), envelope.segmentCount + 1);
                    case ELEMENT_DATA -> {
                        if (segment != null) {
                            Location location = reader.getLocation();
                            segment.add(location.getElementPosition(), location.getElementOccurrence(),
                                    location.getComponentPosition(), reader.getText());
                        }
                    }
                    case END_SEGMENT -> {
                        if (segment != null) {
                            envelope.segmentCount++;
                            envelope.accept(segment.build());
                            segment = null;
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> envelope.staediError(reader);
                    default -> {
                        // interchange/group/transaction/loop/composite boundaries: the envelope tracks them itself
                    }
                }
            }
        }
    }

    /** Collects elements of one segment as they stream by. */
    private static final class SegmentBuilder {
        private final String tag;
        private final int position;
        private final List<List<List<String>>> elements = new ArrayList<>();

        SegmentBuilder(String tag, int position) {
            this.tag = tag;
            this.position = position;
        }

        void add(int elementPosition, int occurrence, int componentPosition, String text) {
            if (elementPosition < 1) {
                return;
            }
            while (elements.size() < elementPosition) {
                elements.add(new ArrayList<>());
            }
            List<List<String>> repetitions = elements.get(elementPosition - 1);
            int repetition = Math.max(occurrence, 1);
            while (repetitions.size() < repetition) {
                repetitions.add(new ArrayList<>());
            }
            List<String> components = repetitions.get(repetition - 1);
            int component = Math.max(componentPosition, 1);
            while (components.size() < component) {
                components.add("");
            }
            components.set(component - 1, text == null ? "" : text);
        }

        X12Segment build() {
            return new X12Segment(tag, position, elements);
        }
    }

    /** Tracks ISA/GS/ST nesting, checks the trailers and splits the file into transactions. */
    private static final class Envelope {
        private final List<String> warnings;
        private final List<X12Transaction> transactions = new ArrayList<>();
        private int segmentCount;
        private int interchanges;
        private X12Segment lastSegment;

        private X12Segment isa;
        private int groupsInInterchange;
        private X12Segment gs;
        private int transactionsInGroup;
        private X12Segment st;
        private List<X12Segment> body;

        Envelope(List<String> warnings) {
            this.warnings = warnings;
        }

        void accept(X12Segment segment) {
            lastSegment = segment;
            switch (segment.tag()) {
                case "ISA" -> {
                    isa = segment;
                    groupsInInterchange = 0;
                    interchanges++;
                }
                case "GS" -> {
                    gs = segment;
                    transactionsInGroup = 0;
                    groupsInInterchange++;
                }
                case "ST" -> {
                    st = segment;
                    body = new ArrayList<>();
                    transactionsInGroup++;
                }
                case "SE" -> closeTransaction(segment);
                case "GE" -> closeGroup(segment);
                case "IEA" -> closeInterchange(segment);
                default -> {
                    if (body != null) {
                        body.add(segment);
                    } else {
                        warnings.add("segment %s (segment %d) is outside a transaction; ignored"
                                .formatted(segment.tag(), segment.position()));
                    }
                }
            }
        }

        private void closeTransaction(X12Segment se) {
            if (st == null || body == null) {
                warnings.add("SE (segment %d) without ST; ignored".formatted(se.position()));
                return;
            }
            X12Transaction transaction = new X12Transaction(
                    isa == null ? "" : isa.element(13),
                    isa == null ? "" : isa.element(6).trim(),
                    isa == null ? "" : isa.element(8).trim(),
                    gs == null ? "" : gs.element(1),
                    gs == null ? "" : gs.element(6),
                    gs == null ? "" : gs.element(8),
                    st.element(1), st.element(2), st.element(3), st.position(), body);
            int actual = body.size() + 2;
            if (!se.element(1).equals(String.valueOf(actual))) {
                warnings.add("%s: SE01 says %s segments but the transaction has %d"
                        .formatted(transaction.describe(), se.element(1).isEmpty() ? "no count" : se.element(1), actual));
            }
            if (!se.element(2).equals(st.element(2))) {
                warnings.add("%s: SE02 control number differs from ST02".formatted(transaction.describe()));
            }
            transactions.add(transaction);
            st = null;
            body = null;
        }

        private void closeGroup(X12Segment ge) {
            if (gs == null) {
                warnings.add("GE (segment %d) without GS; ignored".formatted(ge.position()));
                return;
            }
            if (!ge.element(1).equals(String.valueOf(transactionsInGroup))) {
                warnings.add("functional group %s (GS at segment %d): GE01 says %s transactions but the group has %d"
                        .formatted(gs.element(6), gs.position(), ge.element(1), transactionsInGroup));
            }
            if (!ge.element(2).equals(gs.element(6))) {
                warnings.add("functional group %s (GS at segment %d): GE02 control number %s differs from GS06"
                        .formatted(gs.element(6), gs.position(), ge.element(2)));
            }
            gs = null;
        }

        private void closeInterchange(X12Segment iea) {
            if (isa == null) {
                warnings.add("IEA (segment %d) without ISA; ignored".formatted(iea.position()));
                return;
            }
            if (!iea.element(1).equals(String.valueOf(groupsInInterchange))) {
                warnings.add("interchange %s (ISA at segment %d): IEA01 says %s groups but the interchange has %d"
                        .formatted(isa.element(13), isa.position(), iea.element(1), groupsInInterchange));
            }
            if (!iea.element(2).equals(isa.element(13))) {
                warnings.add("interchange %s (ISA at segment %d): IEA02 control number %s differs from ISA13"
                        .formatted(isa.element(13), isa.position(), iea.element(2)));
            }
            isa = null;
        }

        void staediError(EDIStreamReader reader) {
            EDIStreamValidationError error = reader.getErrorType();
            if (COVERED_BY_OWN_CHECKS.contains(error)) {
                return;
            }
            Location location = reader.getLocation();
            String element = location.getElementPosition() > 0
                    ? " element %02d".formatted(location.getElementPosition())
                    : "";
            warnings.add("%s (segment %d)%s: %s".formatted(location.getSegmentTag(), location.getSegmentPosition(), element, error));
        }

        void requireClosed() throws X12ParseException {
            if (isa != null || gs != null || st != null) {
                throw truncated();
            }
        }

        X12ParseException truncated() {
            String open = st != null ? "transaction " + st.element(2)
                    : gs != null ? "functional group " + gs.element(6)
                    : "interchange " + (isa == null ? "" : isa.element(13));
            String last = lastSegment == null ? "the start" : "%s (segment %d)".formatted(lastSegment.tag(), lastSegment.position());
            return new X12ParseException("input is truncated: it ends after %s inside %s, without its SE/GE/IEA trailers"
                    .formatted(last, open), segmentCount);
        }

        X12ParseException syntaxError(Exception e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("end of stream") && (isa != null || gs != null || st != null)) {
                return truncated();
            }
            // StAEDI may quote a piece of the input after "input:"; messages must not carry data.
            int input = message.indexOf("; input:");
            if (input >= 0) {
                message = message.substring(0, input);
            }
            String after = lastSegment == null ? "at the start of the input"
                    : "after %s (segment %d)".formatted(lastSegment.tag(), lastSegment.position());
            return new X12ParseException("X12 syntax error %s: %s".formatted(after, message), segmentCount + 1, e);
        }
    }
}
