package org.claimflow.eligibility.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads X12 interchanges into transactions of segments with StAEDI, checking the envelope with
 * StAEDI's control schema. Syntax errors and misplaced segments end the read; mismatched counts and
 * control numbers become warnings. Messages never quote data.
 */
final class X12SegmentReader {

    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    /** One ST…SE, with what its envelope said. */
    record Transaction(
            String interchangeControlNumber,
            String type,
            String controlNumber,
            String version,
            int position,
            List<X12Segment> segments,
            List<String> warnings) {
    }

    private final List<Transaction> transactions = new ArrayList<>();
    private List<Transaction> interchangeTransactions = new ArrayList<>();
    private List<String> interchangeWarnings = new ArrayList<>();
    private List<String> transactionWarnings = new ArrayList<>();
    private List<X12Segment> transactionSegments;
    private String interchangeControlNumber;
    private String groupVersion;
    private X12Segment stSegment;

    private String tag;
    private int position;
    private List<List<List<String>>> elements;
    private boolean inInterchange;

    private X12SegmentReader() {
    }

    static List<Transaction> read(byte[] input) throws X12ParseException {
        return new X12SegmentReader().readAll(input);
    }

    private List<Transaction> readAll(byte[] input) throws X12ParseException {
        int start = startOfInterchange(input);
        EDIInputFactory factory = EDIInputFactory.newFactory();
        // Code lists of the envelope (e.g. GS01) are the trading partners' business; structure is checked.
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        try (EDIStreamReader reader = factory.createEDIStreamReader(
                new ByteArrayInputStream(input, start, input.length - start), "UTF-8")) {
            while (reader.hasNext()) {
                handle(reader, reader.next());
            }
        } catch (EDIStreamException e) {
            Location at = e.getLocation();
            throw new X12ParseException("Malformed X12: " + withoutData(e.getMessage()),
                    at == null ? -1 : at.getSegmentPosition(), at == null ? null : at.getSegmentTag(), null);
        } catch (IOException | RuntimeException e) {
            throw new X12ParseException("Unreadable X12 (" + e.getClass().getSimpleName() + ")");
        }
        if (inInterchange || transactionSegments != null) {
            throw new X12ParseException("Truncated X12: the input ends inside an interchange");
        }
        return transactions;
    }

    /** Skips a UTF-8 byte-order mark and white space; the interchange must begin with ISA. */
    private static int startOfInterchange(byte[] input) throws X12ParseException {
        int i = 0;
        if (input.length >= 3 && input[0] == UTF8_BOM[0] && input[1] == UTF8_BOM[1] && input[2] == UTF8_BOM[2]) {
            i = 3;
        }
        while (i < input.length && Character.isWhitespace(input[i])) {
            i++;
        }
        if (i == input.length) {
            throw new X12ParseException("Empty input: no X12 interchange");
        }
        if (input.length - i < 3 || input[i] != 'I' || input[i + 1] != 'S' || input[i + 2] != 'A') {
            throw new X12ParseException("Not X12: the input does not begin with an ISA segment");
        }
        return i;
    }

    private void handle(EDIStreamReader reader, EDIStreamEvent event) throws X12ParseException {
        Location location = reader.getLocation();
        switch (event) {
            case START_INTERCHANGE -> {
                inInterchange = true;
                interchangeTransactions = new ArrayList<>();
                interchangeWarnings = new ArrayList<>();
                interchangeControlNumber = null;
            }
            case END_INTERCHANGE -> {
                for (Transaction transaction : interchangeTransactions) {
                    transaction.warnings().addAll(interchangeWarnings);
                }
                transactions.addAll(interchangeTransactions);
                inInterchange = false;
            }
            case START_TRANSACTION -> {
                transactionSegments = new ArrayList<>();
                transactionWarnings = new ArrayList<>();
            }
            case END_TRANSACTION -> endTransaction();
            case START_SEGMENT -> {
                tag = reader.getText();
                position = location.getSegmentPosition();
                elements = new ArrayList<>();
            }
            case ELEMENT_DATA -> addElementData(location, reader.getText());
            case END_SEGMENT -> endSegment(new X12Segment(tag, position, elements));
            case SEGMENT_ERROR -> throw new X12ParseException("Misplaced segment: " + describe(reader),
                    location.getSegmentPosition(), textOrNull(reader));
            case ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> warn(location, describe(reader));
            default -> {
                // composites, loops and groups: the segment positions say all that is needed
            }
        }
    }

    private void addElementData(Location location, String text) {
        int element = location.getElementPosition();
        int occurrence = Math.max(1, location.getElementOccurrence());
        int component = Math.max(1, location.getComponentPosition());
        if (element < 1 || element > 999 || occurrence > 999 || component > 999) {
            return;
        }
        while (elements.size() < element) {
            elements.add(new ArrayList<>());
        }
        List<List<String>> repetitions = elements.get(element - 1);
        while (repetitions.size() < occurrence) {
            repetitions.add(new ArrayList<>());
        }
        List<String> components = repetitions.get(occurrence - 1);
        while (components.size() < component - 1) {
            components.add("");
        }
        components.add(text);
    }

    private void endSegment(X12Segment segment) {
        switch (segment.tag()) {
            case "ISA" -> interchangeControlNumber = segment.element(13);
            case "GS" -> groupVersion = segment.element(8);
            case "ST" -> stSegment = segment;
            case "SE", "GE", "IEA" -> {
                // trailers: StAEDI checks their counts and control numbers
            }
            default -> {
                if (transactionSegments != null) {
                    transactionSegments.add(segment);
                }
            }
        }
    }

    private void endTransaction() {
        X12Segment st = stSegment;
        String version = st != null && st.element(3) != null ? st.element(3) : groupVersion;
        interchangeTransactions.add(new Transaction(
                interchangeControlNumber,
                st == null ? null : st.element(1),
                st == null ? null : st.element(2),
                version,
                st == null ? -1 : st.position(),
                List.copyOf(transactionSegments),
                transactionWarnings));
        transactionSegments = null;
        stSegment = null;
    }

    private void warn(Location location, String problem) {
        String where = location.getSegmentTag() == null ? "" : location.getSegmentTag()
                + (location.getElementPosition() > 0 ? String.format("%02d", location.getElementPosition()) : "") + " ";
        String warning = where + "(segment " + location.getSegmentPosition() + "): " + problem;
        if (transactionSegments != null) {
            transactionWarnings.add(warning);
        } else {
            interchangeWarnings.add(warning);
        }
    }

    /** The tag of the segment at fault, when it looks like one (garbage is not quoted). */
    private static String textOrNull(EDIStreamReader reader) {
        try {
            String text = reader.getText();
            return text != null && text.matches("[A-Z][A-Z0-9]{1,2}") ? text : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static String describe(EDIStreamReader reader) {
        return reader.getErrorType() == null ? "unknown error" : reader.getErrorType().name().toLowerCase().replace('_', ' ');
    }

    /** StAEDI appends the offending input after a ';'. */
    private static String withoutData(String message) {
        if (message == null) {
            return "syntax error";
        }
        int cut = message.indexOf(';');
        return cut < 0 ? message : message.substring(0, cut);
    }
}
