package org.claimflow.sandbox.x12;

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
 * Reads X12 with StAEDI's stream reader, validating the envelope (ISA/IEA, GS/GE, ST/SE counts and
 * control numbers) against StAEDI's control schema. Defects that still let the file be read are
 * collected as {@link SyntaxIssue}s for the 999; input that cannot be read at all raises
 * {@link InvalidX12Exception}.
 */
public final class X12Reader {

    private static final EDIInputFactory FACTORY = EDIInputFactory.newFactory();

    public List<Interchange> read(byte[] input) {
        byte[] body = trimLeading(input);
        if (body.length == 0) {
            throw new InvalidX12Exception("The body is empty");
        }
        try (EDIStreamReader reader = FACTORY.createEDIStreamReader(new ByteArrayInputStream(body))) {
            if (!"X12".equals(peekStandard(reader))) {
                throw new InvalidX12Exception("The body is not an X12 interchange");
            }
            return new Walk(reader).run();
        } catch (EDIStreamException | IOException e) {
            throw new InvalidX12Exception("The body is not readable as X12" + offset(e), e);
        } catch (IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new InvalidX12Exception("The body is not readable as X12", e);
        }
    }

    private static String peekStandard(EDIStreamReader reader) throws EDIStreamException {
        if (!reader.hasNext() || reader.next() != EDIStreamEvent.START_INTERCHANGE) {
            throw new InvalidX12Exception("No interchange header (ISA) found");
        }
        return reader.getStandard();
    }

    /** Where reading failed; StAEDI's own message may quote the input, which could be patient data. */
    private static String offset(Exception e) {
        if (e instanceof EDIStreamException stream && stream.getLocation() != null) {
            return " (stopped at character " + stream.getLocation().getCharacterOffset() + ")";
        }
        return "";
    }

    /** Drops a UTF-8 byte-order mark and whitespace before the ISA. */
    private static byte[] trimLeading(byte[] input) {
        int start = 0;
        if (input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB && (input[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        while (start < input.length && Character.isWhitespace(input[start])) {
            start++;
        }
        byte[] out = new byte[input.length - start];
        System.arraycopy(input, start, out, 0, out.length);
        return out;
    }

    /** One pass over the events of a stream whose first START_INTERCHANGE was already consumed. */
    private static final class Walk {
        private final EDIStreamReader reader;
        private final List<Interchange> interchanges = new ArrayList<>();

        private List<Segment> isaAndIea;
        private List<FunctionalGroup> groups;
        private List<SyntaxIssue> interchangeIssues;
        private Segment gs;
        private Segment ge;
        private List<TransactionSet> transactions;
        private List<SyntaxIssue> groupIssues;
        private List<Segment> transactionSegments;
        private List<SyntaxIssue> transactionIssues;
        private int transactionStart;

        private String tag;
        private List<List<String>> elements;

        Walk(EDIStreamReader reader) {
            this.reader = reader;
        }

        List<Interchange> run() throws EDIStreamException {
            startInterchange();
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_INTERCHANGE -> startInterchange();
                    case START_GROUP -> {
                        transactions = new ArrayList<>();
                        groupIssues = new ArrayList<>();
                    }
                    case START_TRANSACTION -> {
                        transactionSegments = new ArrayList<>();
                        transactionIssues = new ArrayList<>();
                        transactionStart = -1;
                    }
                    case START_SEGMENT -> startSegment();
                    case ELEMENT_DATA -> elementData();
                    case END_SEGMENT -> endSegment();
                    case END_TRANSACTION -> endTransaction();
                    case END_GROUP -> endGroup();
                    case END_INTERCHANGE -> endInterchange();
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> issue();
                    default -> {
                        // composites and loops need no bookkeeping: components carry their own positions
                    }
                }
            }
            if (interchanges.isEmpty() || isaAndIea != null) {
                throw new InvalidX12Exception("The interchange is truncated (no IEA)");
            }
            return interchanges;
        }

        private void startInterchange() {
            isaAndIea = new ArrayList<>();
            groups = new ArrayList<>();
            interchangeIssues = new ArrayList<>();
        }

        private void startSegment() {
            tag = reader.getText();
            elements = new ArrayList<>();
            if (transactionSegments != null && transactionStart < 0) {
                transactionStart = reader.getLocation().getSegmentPosition();
            }
        }

        private void elementData() {
            Location location = reader.getLocation();
            if (location.getElementOccurrence() > 1 || location.getElementPosition() < 1) {
                return;
            }
            int e = location.getElementPosition();
            while (elements.size() < e) {
                elements.add(new ArrayList<>());
            }
            List<String> components = elements.get(e - 1);
            int c = Math.max(location.getComponentPosition(), 1);
            while (components.size() < c) {
                components.add("");
            }
            components.set(c - 1, reader.getText());
        }

        private void endSegment() {
            Segment segment = new Segment(tag, elements, transactionPosition(reader.getLocation()));
            switch (tag) {
                case "ISA", "IEA" -> isaAndIea.add(segment);
                case "GS" -> gs = segment;
                case "GE" -> ge = segment;
                default -> {
                    if (transactionSegments != null) {
                        transactionSegments.add(segment);
                    }
                }
            }
        }

        private int transactionPosition(Location location) {
            if (transactionSegments == null || transactionStart < 0) {
                return 0;
            }
            return location.getSegmentPosition() - transactionStart + 1;
        }

        private void issue() {
            Location location = reader.getLocation();
            String text = reader.hasText() ? reader.getText() : "";
            SyntaxIssue issue = new SyntaxIssue(reader.getErrorType(), location.getSegmentTag(),
                    transactionPosition(location), location.getElementPosition(), location.getComponentPosition(),
                    reader.getReferenceCode(), text);
            if (transactionIssues != null) {
                transactionIssues.add(issue);
            } else if (groupIssues != null) {
                groupIssues.add(issue);
            } else {
                interchangeIssues.add(issue);
            }
        }

        private void endTransaction() {
            Segment st = transactionSegments.isEmpty() ? new Segment("ST", List.of(), 1) : transactionSegments.get(0);
            transactions.add(new TransactionSet(st.element(1), st.element(2), st.element(3), transactionSegments,
                    transactionIssues));
            transactionSegments = null;
            transactionIssues = null;
        }

        private void endGroup() {
            Segment header = gs == null ? new Segment("GS", List.of(), 0) : gs;
            groups.add(new FunctionalGroup(header.element(1), header.element(2).trim(), header.element(3).trim(),
                    header.element(6), header.element(8), ge == null ? "" : ge.element(1), transactions, groupIssues));
            gs = null;
            ge = null;
            transactions = null;
            groupIssues = null;
        }

        private void endInterchange() {
            Segment isa = isaAndIea.stream().filter(s -> s.tag().equals("ISA")).findFirst()
                    .orElseThrow(() -> new InvalidX12Exception("No interchange header (ISA) found"));
            interchanges.add(new Interchange(isa.element(5), isa.element(6).trim(), isa.element(7),
                    isa.element(8).trim(), isa.element(9), isa.element(10), isa.element(13), isa.element(15),
                    groups, interchangeIssues));
            isaAndIea = null;
        }
    }
}
