package org.claimflow.sandbox.x12;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds one outbound interchange with our delimiters ({@code * : ^ ~}), the fixed-width ISA, and
 * counts and control numbers that always match (ISA13 = IEA02, GS06 = GE02, ST02 = SE02, SE01 = segment
 * count). A small builder rather than StAEDI's writer because the counts are the point and are simplest
 * to keep right here; tests read every file it writes back through StAEDI's validating reader.
 */
public final class X12Writer {

    public static final char ELEMENT = '*';
    public static final char COMPONENT = ':';
    public static final char REPETITION = '^';
    public static final char SEGMENT = '~';

    private static final DateTimeFormatter ISA_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private final String senderQualifier;
    private final String senderId;
    private final String receiverQualifier;
    private final String receiverId;
    private final String controlNumber;
    private final String usageIndicator;
    private final LocalDateTime timestamp;
    private final List<String> beforeGroups = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();

    /** @param controlNumber ISA13, at most nine digits */
    public X12Writer(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
            long controlNumber, boolean test, LocalDateTime timestamp) {
        this.senderQualifier = fixed(senderQualifier, 2);
        this.senderId = fixed(senderId, 15);
        this.receiverQualifier = fixed(receiverQualifier, 2);
        this.receiverId = fixed(receiverId, 15);
        this.controlNumber = String.format("%09d", controlNumber % 1_000_000_000L);
        this.usageIndicator = test ? "T" : "P";
        this.timestamp = timestamp;
    }

    /** A TA1 interchange acknowledgment; it goes between ISA and the first GS. */
    public X12Writer ta1(String acknowledgedControlNumber, String date, String time, String status, String noteCode) {
        beforeGroups.add(segment("TA1", acknowledgedControlNumber, date, time, status, noteCode));
        return this;
    }

    public Group group(String functionalId, String applicationSender, String applicationReceiver, String version) {
        Group group = new Group(functionalId, applicationSender, applicationReceiver,
                Long.toString(Long.parseLong(controlNumber)), version);
        groups.add(group);
        return group;
    }

    public String controlNumber() {
        return controlNumber;
    }

    public String build() {
        StringBuilder out = new StringBuilder();
        line(out, String.join(String.valueOf(ELEMENT), "ISA", "00", " ".repeat(10), "00", " ".repeat(10),
                senderQualifier, senderId, receiverQualifier, receiverId, ISA_DATE.format(timestamp),
                TIME.format(timestamp), String.valueOf(REPETITION), "00501", controlNumber, "0", usageIndicator,
                String.valueOf(COMPONENT)));
        beforeGroups.forEach(s -> line(out, s));
        for (Group group : groups) {
            line(out, segment("GS", group.functionalId, group.applicationSender, group.applicationReceiver,
                    DATE.format(timestamp), TIME.format(timestamp), group.controlNumber, "X", group.version));
            for (Transaction transaction : group.transactions) {
                List<String> body = transaction.segments;
                line(out, segment("ST", transaction.header()));
                body.forEach(s -> line(out, s));
                line(out, segment("SE", Integer.toString(body.size() + 2), transaction.controlNumber));
            }
            line(out, segment("GE", Integer.toString(group.transactions.size()), group.controlNumber));
        }
        line(out, segment("IEA", Integer.toString(groups.size()), controlNumber));
        return out.toString();
    }

    private static void line(StringBuilder out, String segment) {
        out.append(segment).append(SEGMENT).append('\n');
    }

    /**
     * Formats one segment. An element is a String (null for empty) or a String[] (a composite). Values
     * lose any delimiter character, and trailing empty elements and components are dropped.
     */
    static String segment(String tag, Object... elements) {
        List<String> rendered = new ArrayList<>();
        for (Object element : elements) {
            if (element instanceof String[] components) {
                rendered.add(trimTrailingEmpty(Arrays.stream(components).map(X12Writer::clean).toList(),
                        String.valueOf(COMPONENT)));
            } else {
                rendered.add(clean((String) element));
            }
        }
        return trimTrailingEmpty(prepend(tag, rendered), String.valueOf(ELEMENT));
    }

    private static List<String> prepend(String tag, List<String> values) {
        List<String> all = new ArrayList<>(values.size() + 1);
        all.add(tag);
        all.addAll(values);
        return all;
    }

    private static String trimTrailingEmpty(List<String> values, String separator) {
        int end = values.size();
        while (end > 1 && values.get(end - 1).isEmpty()) {
            end--;
        }
        return String.join(separator, values.subList(0, end));
    }

    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            boolean delimiter = c == ELEMENT || c == COMPONENT || c == REPETITION || c == SEGMENT;
            out.append(delimiter || Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString().trim();
    }

    private static String fixed(String value, int width) {
        String cleaned = clean(value);
        String cut = cleaned.length() > width ? cleaned.substring(0, width) : cleaned;
        return String.format("%-" + width + "s", cut);
    }

    /** GS … GE; the group control number is the interchange control number without leading zeros. */
    public static final class Group {
        private final String functionalId;
        private final String applicationSender;
        private final String applicationReceiver;
        private final String controlNumber;
        private final String version;
        private final List<Transaction> transactions = new ArrayList<>();

        private Group(String functionalId, String applicationSender, String applicationReceiver, String controlNumber,
                String version) {
            this.functionalId = functionalId;
            this.applicationSender = fixedMax(applicationSender, 15);
            this.applicationReceiver = fixedMax(applicationReceiver, 15);
            this.controlNumber = controlNumber;
            this.version = version;
        }

        private static String fixedMax(String value, int max) {
            String cleaned = clean(value);
            return cleaned.isEmpty() ? "SANDBOX" : cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
        }

        /** @param implementationReference ST03, or null when the guide does not use it */
        public Transaction transaction(String type, String implementationReference) {
            Transaction transaction = new Transaction(type, String.format("%04d", transactions.size() + 1),
                    implementationReference);
            transactions.add(transaction);
            return transaction;
        }
    }

    /** ST … SE; SE01 is computed when the interchange is built. */
    public static final class Transaction {
        private final String type;
        private final String controlNumber;
        private final String implementationReference;
        private final List<String> segments = new ArrayList<>();

        private Transaction(String type, String controlNumber, String implementationReference) {
            this.type = type;
            this.controlNumber = controlNumber;
            this.implementationReference = implementationReference;
        }

        public Transaction add(String tag, Object... elements) {
            segments.add(segment(tag, elements));
            return this;
        }

        public String controlNumber() {
            return controlNumber;
        }

        private Object[] header() {
            return new Object[] {type, controlNumber, implementationReference};
        }
    }
}
