package org.claimflow.eligibility.x12;

import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.EDIValidationException;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.claimflow.eligibility.x12.EligibilityInquiry.EntityType;
import org.claimflow.eligibility.x12.EligibilityInquiry.Envelope;
import org.claimflow.eligibility.x12.EligibilityInquiry.Payer;
import org.claimflow.eligibility.x12.EligibilityInquiry.Provider;
import org.claimflow.eligibility.x12.EligibilityInquiry.Subscriber;

/**
 * Writes a 270 eligibility inquiry (005010X279A1) in one interchange with one group and one
 * transaction. Separators: element {@code *}, component {@code :}, repetition {@code ^}, segment {@code ~}.
 *
 * <p>The inquiry is checked twice: first by the rules below (so that every problem of the input is
 * listed at once), then while writing, by StAEDI against the envelope schema and
 * {@code x12/270-005010X279A1.xml}. Nothing is returned unless both pass. Stateless and thread-safe.
 */
public final class EligibilityRequestWriter {

    public static final String IMPLEMENTATION_VERSION = "005010X279A1";

    private static final char SEGMENT_TERMINATOR = '~';
    private static final char ELEMENT_SEPARATOR = '*';
    private static final char COMPONENT_SEPARATOR = ':';
    private static final char REPETITION_SEPARATOR = '^';
    private static final int MAX_CONTROL_NUMBER = 999_999_999;
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    /**
     * @return the 270 interchange, ISA to IEA, segments ended by {@code ~} without line breaks
     * @throws X12ValidationException listing every problem of the inquiry; no value is quoted
     */
    public String write(EligibilityInquiry inquiry) throws X12ValidationException {
        List<String> problems = problemsOf(inquiry);
        if (!problems.isEmpty()) {
            throw new X12ValidationException(problems);
        }
        return new Output(inquiry).write();
    }

    /** Every reason this inquiry cannot be sent, as field names and rules, empty when it can. */
    public List<String> problemsOf(EligibilityInquiry inquiry) {
        List<String> problems = new ArrayList<>();
        if (inquiry == null) {
            problems.add("inquiry is missing");
            return problems;
        }
        checkEnvelope(inquiry.envelope(), problems);
        text(problems, "referenceId", inquiry.referenceId(), 1, 50, true);
        if (inquiry.createdAt() == null) {
            problems.add("createdAt is missing");
        }
        text(problems, "traceNumber", inquiry.traceNumber(), 1, 50, true);
        String originator = inquiry.traceOriginatorId();
        if (originator == null || !originator.matches("[19][0-9A-Za-z]{9}")) {
            problems.add("traceOriginatorId must be 10 characters: 1 followed by an EIN or 9 followed by 9 letters or digits");
        }
        checkPayer(inquiry.payer(), problems);
        checkProvider(inquiry.provider(), problems);
        checkSubscriber(inquiry, problems);
        List<String> serviceTypes = inquiry.serviceTypeCodes();
        if (serviceTypes.size() > 99) {
            problems.add("serviceTypeCodes has more than 99 codes");
        }
        for (int i = 0; i < serviceTypes.size(); i++) {
            String code = serviceTypes.get(i);
            if (code == null || !code.matches("[A-Z0-9]{1,2}")) {
                problems.add("serviceTypeCodes[" + i + "] must be 1 or 2 upper-case letters or digits");
            }
        }
        return problems;
    }

    private static void checkEnvelope(Envelope envelope, List<String> problems) {
        if (envelope == null) {
            problems.add("envelope is missing");
            return;
        }
        qualifier(problems, "envelope.senderQualifier", envelope.senderQualifier());
        text(problems, "envelope.senderId", envelope.senderId(), 2, 15, true);
        qualifier(problems, "envelope.receiverQualifier", envelope.receiverQualifier());
        text(problems, "envelope.receiverId", envelope.receiverId(), 2, 15, true);
        controlNumber(problems, "envelope.interchangeControlNumber", envelope.interchangeControlNumber());
        controlNumber(problems, "envelope.groupControlNumber", envelope.groupControlNumber());
        controlNumber(problems, "envelope.transactionControlNumber", envelope.transactionControlNumber());
    }

    private static void checkPayer(Payer payer, List<String> problems) {
        if (payer == null) {
            problems.add("payer is missing");
            return;
        }
        text(problems, "payer.name", payer.name(), 1, 60, true);
        text(problems, "payer.id", payer.id(), 2, 80, true);
    }

    private static void checkProvider(Provider provider, List<String> problems) {
        if (provider == null) {
            problems.add("provider is missing");
            return;
        }
        if (provider.entityType() == null) {
            problems.add("provider.entityType is missing");
        }
        text(problems, "provider.lastOrOrganizationName", provider.lastOrOrganizationName(), 1, 60, true);
        text(problems, "provider.firstName", provider.firstName(), 1, 35,
                provider.entityType() == EntityType.PERSON && provider.firstName() != null);
        if (provider.entityType() == EntityType.ORGANIZATION && provider.firstName() != null) {
            problems.add("provider.firstName must be empty for an organization");
        }
        if (provider.npi() == null || provider.npi().isBlank()) {
            problems.add("provider.npi is missing");
        } else if (!Npi.isValid(provider.npi())) {
            problems.add("provider.npi is not a valid NPI (10 digits with a Luhn check digit over 80840 + the first 9)");
        }
    }

    private static void checkSubscriber(EligibilityInquiry inquiry, List<String> problems) {
        Subscriber subscriber = inquiry.subscriber();
        if (subscriber == null) {
            problems.add("subscriber is missing");
            return;
        }
        boolean searchById = subscriber.memberId() != null;
        if (searchById) {
            text(problems, "subscriber.memberId", subscriber.memberId(), 2, 80, true);
        } else {
            // The alternate search of X279A1 without a member id: last name, first name and birth date.
            if (isBlank(subscriber.lastName())) {
                problems.add("subscriber.lastName is required when there is no member id");
            }
            if (isBlank(subscriber.firstName())) {
                problems.add("subscriber.firstName is required when there is no member id");
            }
            if (subscriber.dateOfBirth() == null) {
                problems.add("subscriber.dateOfBirth is required when there is no member id");
            }
        }
        text(problems, "subscriber.lastName", subscriber.lastName(), 1, 60, false);
        text(problems, "subscriber.firstName", subscriber.firstName(), 1, 35, false);
        if (isBlank(subscriber.lastName()) && !isBlank(subscriber.firstName())) {
            problems.add("subscriber.firstName is given without subscriber.lastName");
        }
        LocalDate dob = subscriber.dateOfBirth();
        if (dob != null) {
            if (inquiry.createdAt() != null && dob.isAfter(inquiry.createdAt().toLocalDate())) {
                problems.add("subscriber.dateOfBirth is in the future");
            }
            if (dob.getYear() < 1850) {
                problems.add("subscriber.dateOfBirth is before 1850");
            }
            if (inquiry.dateOfService() != null && inquiry.dateOfService().isBefore(dob)) {
                problems.add("dateOfService is before subscriber.dateOfBirth");
            }
        }
    }

    private static void qualifier(List<String> problems, String field, String value) {
        if (value == null || !value.matches("[A-Z0-9]{2}")) {
            problems.add(field + " must be 2 upper-case letters or digits");
        }
    }

    private static void controlNumber(List<String> problems, String field, int value) {
        if (value < 1 || value > MAX_CONTROL_NUMBER) {
            problems.add(field + " must be between 1 and " + MAX_CONTROL_NUMBER);
        }
    }

    /** Checks length and the X12 character set; null is a problem only when required. */
    private static void text(List<String> problems, String field, String value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(field + " is missing");
            }
            return;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            problems.add(field + " is blank");
            return;
        }
        if (v.length() < min || v.length() > max) {
            problems.add(field + " must be " + (min == max ? min : min + " to " + max) + " characters long");
        }
        if (!v.chars().allMatch(EligibilityRequestWriter::isX12Character)) {
            problems.add(field + " contains a character outside the X12 character set or a separator (* : ^ ~)");
        }
    }

    private static boolean isX12Character(int c) {
        return c >= 0x20 && c <= 0x7E && c != ELEMENT_SEPARATOR && c != COMPONENT_SEPARATOR
                && c != REPETITION_SEPARATOR && c != SEGMENT_TERMINATOR;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** One write: StAEDI writer, its validation errors, and the segment count of the transaction. */
    private static final class Output {
        private final EligibilityInquiry inquiry;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        private final List<String> schemaProblems = new ArrayList<>();
        private EDIStreamWriter writer;
        private int transactionSegments;
        private boolean inTransaction;

        Output(EligibilityInquiry inquiry) {
            this.inquiry = inquiry;
        }

        String write() throws X12ValidationException {
            EDIOutputFactory factory = EDIOutputFactory.newFactory();
            factory.setProperty(Delimiters.SEGMENT, SEGMENT_TERMINATOR);
            factory.setProperty(Delimiters.DATA_ELEMENT, ELEMENT_SEPARATOR);
            factory.setProperty(Delimiters.COMPONENT_ELEMENT, COMPONENT_SEPARATOR);
            factory.setProperty(Delimiters.REPETITION, REPETITION_SEPARATOR);
            factory.setErrorReporter(this::report);
            writer = factory.createEDIStreamWriter(bytes);
            try {
                writer.setControlSchema(X12Schemas.control00501());
                writer.setTransactionSchema(X12Schemas.inquiry270());
                writeInterchange();
                writer.close();
            } catch (EDIStreamException | EDIValidationException e) {
                schemaProblems.add("X12 writer refused the inquiry: " + withoutData(e.getMessage()));
            }
            if (!schemaProblems.isEmpty()) {
                throw new X12ValidationException(schemaProblems);
            }
            String edi = bytes.toString(StandardCharsets.US_ASCII);
            if (!edi.startsWith("ISA") || !edi.endsWith(String.valueOf(SEGMENT_TERMINATOR))) {
                throw new X12ValidationException(List.of("X12 writer produced an incomplete interchange"));
            }
            return edi;
        }

        private void report(EDIStreamValidationError error, EDIStreamWriter source, Location location, CharSequence data,
                EDIReference reference) {
            StringBuilder problem = new StringBuilder();
            problem.append(location.getSegmentTag() != null ? location.getSegmentTag() : "segment")
                    .append(" (segment ").append(location.getSegmentPosition()).append(')');
            if (location.getElementPosition() > 0) {
                problem.append(String.format(" element %02d", location.getElementPosition()));
                if (location.getComponentPosition() > 0) {
                    problem.append(String.format("-%d", location.getComponentPosition()));
                }
            }
            problem.append(": ").append(error.name().toLowerCase().replace('_', ' '));
            schemaProblems.add(problem.toString());
        }

        private void writeInterchange() throws EDIStreamException {
            Envelope env = inquiry.envelope();
            String isa13 = String.format("%09d", env.interchangeControlNumber());
            String gs06 = Integer.toString(env.groupControlNumber());
            String st02 = String.format("%04d", env.transactionControlNumber());

            writer.startInterchange();
            segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10),
                    env.senderQualifier(), padded(env.senderId(), 15),
                    env.receiverQualifier(), padded(env.receiverId(), 15),
                    inquiry.createdAt().format(YYMMDD), inquiry.createdAt().format(HHMM),
                    String.valueOf(REPETITION_SEPARATOR), X12Schemas.INTERCHANGE_VERSION_00501, isa13, "0",
                    env.production() ? "P" : "T", String.valueOf(COMPONENT_SEPARATOR));
            segment("GS", "HS", env.senderId().strip(), env.receiverId().strip(),
                    inquiry.createdAt().format(CCYYMMDD), inquiry.createdAt().format(HHMM), gs06, "X",
                    IMPLEMENTATION_VERSION);
            inTransaction = true;
            segment("ST", "270", st02, IMPLEMENTATION_VERSION);
            writeTransactionBody();
            segment("SE", Integer.toString(transactionSegments + 1), st02);
            inTransaction = false;
            segment("GE", "1", gs06);
            segment("IEA", "1", isa13);
            writer.endInterchange();
        }

        private void writeTransactionBody() throws EDIStreamException {
            segment("BHT", "0022", "13", inquiry.referenceId().strip(),
                    inquiry.createdAt().format(CCYYMMDD), inquiry.createdAt().format(HHMM));

            Payer payer = inquiry.payer();
            segment("HL", "1", null, "20", "1");
            segment("NM1", "PR", "2", payer.name().strip(), null, null, null, null, "PI", payer.id().strip());

            Provider provider = inquiry.provider();
            segment("HL", "2", "1", "21", "1");
            segment("NM1", "1P", provider.entityType().code(), provider.lastOrOrganizationName().strip(),
                    stripped(provider.firstName()), null, null, null, "XX", provider.npi());

            Subscriber subscriber = inquiry.subscriber();
            segment("HL", "3", "2", "22", "0");
            segment("TRN", "1", inquiry.traceNumber().strip(), inquiry.traceOriginatorId());
            boolean byId = subscriber.memberId() != null;
            segment("NM1", "IL", "1", stripped(subscriber.lastName()), stripped(subscriber.firstName()),
                    null, null, null, byId ? "MI" : null, byId ? subscriber.memberId().strip() : null);
            if (subscriber.dateOfBirth() != null) {
                segment("DMG", "D8", subscriber.dateOfBirth().format(CCYYMMDD),
                        subscriber.sex() == null ? null : subscriber.sex().code());
            }
            if (inquiry.dateOfService() != null) {
                segment("DTP", "291", "D8", inquiry.dateOfService().format(CCYYMMDD));
            }
            for (String serviceType : inquiry.serviceTypeCodes()) {
                segment("EQ", serviceType);
            }
        }

        /** Writes one segment; null elements are empty, trailing empty elements are left out. */
        private void segment(String tag, String... elements) throws EDIStreamException {
            int last = elements.length;
            while (last > 0 && (elements[last - 1] == null || elements[last - 1].isEmpty())) {
                last--;
            }
            writer.writeStartSegment(tag);
            for (String element : Arrays.copyOf(elements, last)) {
                if (element == null || element.isEmpty()) {
                    writer.writeEmptyElement();
                } else {
                    writer.writeElement(element);
                }
            }
            writer.writeEndSegment();
            if (inTransaction) {
                transactionSegments++;
            }
        }

        private static String padded(String id, int width) {
            String v = id.strip();
            return v + " ".repeat(width - v.length());
        }

        private static String stripped(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        /** StAEDI messages may end with the offending input after a ';'. */
        private static String withoutData(String message) {
            if (message == null) {
                return "unknown error";
            }
            int cut = message.indexOf(';');
            return cut < 0 ? message : message.substring(0, cut);
        }
    }
}
