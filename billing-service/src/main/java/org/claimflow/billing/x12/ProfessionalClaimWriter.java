package org.claimflow.billing.x12;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.Location;

/**
 * Writes a {@link ClaimBatch} as one 837P interchange (005010X222A1): ISA/GS/ST, BHT, submitter (1000A)
 * and receiver (1000B), then one billing provider level (HL 20) per distinct billing provider, under it one
 * subscriber level (HL 22) per claim, and a patient level (HL 23) when the patient is not the subscriber.
 * Separators are {@code * : ^ ~}, with no line breaks. Amounts are X12 R values without trailing zeros
 * (150.00 is written 150, 150.50 as 150.5).
 * <p>
 * Nothing is written for an invalid batch: the {@link ProfessionalClaimPolicy} business checks run first,
 * then the output is written through StAEDI's validating writer against the X12 00501 envelope schema and
 * our 837P schema ({@code x12/837P-005010X222A1.xml}); any problem from either fails the whole batch with
 * an {@link X12ValidationException}.
 */
public final class ProfessionalClaimWriter {

    public static final String IMPLEMENTATION = "005010X222A1";

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT);

    public ClaimFile write(ClaimBatch batch) throws X12ValidationException {
        List<String> problems = ProfessionalClaimPolicy.problems(batch);
        if (!problems.isEmpty()) {
            throw new X12ValidationException(problems);
        }
        List<String> schemaProblems = new ArrayList<>();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setErrorReporter((error, writer, location, data, reference) ->
                schemaProblems.add(describe(error, location)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int segmentCount;
        try (EDIStreamWriter writer = factory.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name())) {
            writer.setControlSchema(X12Schemas.control());
            writer.setTransactionSchema(X12Schemas.professionalClaim());
            segmentCount = new Interchange(writer, batch).write();
        } catch (EDIStreamException e) {
            schemaProblems.add("837P could not be written: " + e.getMessage());
            segmentCount = -1;
        }
        if (!schemaProblems.isEmpty()) {
            throw new X12ValidationException(schemaProblems);
        }
        return new ClaimFile(out.toString(StandardCharsets.US_ASCII), batch.controlNumbers(), segmentCount,
                batch.claims().size());
    }

    private static String describe(EDIStreamValidationError error, Location location) {
        String element = location.getElementPosition() > 0 ? " element %02d".formatted(location.getElementPosition()) : "";
        String component = location.getComponentPosition() > 0 ? "-" + location.getComponentPosition() : "";
        return "837P schema: %s (segment %d of the interchange)%s%s: %s".formatted(location.getSegmentTag(),
                location.getSegmentPosition(), element, component,
                error.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    /** X12 R: the value without trailing zeros, never in exponent notation. */
    static String amount(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Writes the segments of one interchange and counts those of the transaction set (ST to SE). */
    private static final class Interchange {
        private final EDIStreamWriter writer;
        private final ClaimBatch batch;
        private int transactionSegments;
        private int hierarchicalId;

        Interchange(EDIStreamWriter writer, ClaimBatch batch) {
            this.writer = writer;
            this.batch = batch;
        }

        int write() throws EDIStreamException {
            ControlNumbers numbers = batch.controlNumbers();
            writer.startInterchange();
            isa();
            segment("GS", "HC", batch.submitter().id(), batch.receiver().id(), CCYYMMDD.format(batch.createdAt()),
                    HHMM.format(batch.createdAt()), numbers.groupControlNumber(), "X", IMPLEMENTATION);
            transactionSegments = 0;
            segment("ST", "837", numbers.transactionControlNumber(), IMPLEMENTATION);
            segment("BHT", "0019", "00", batch.referenceId(), CCYYMMDD.format(batch.createdAt()),
                    HHMM.format(batch.createdAt()), "CH");
            submitterAndReceiver();
            for (Map.Entry<BillingProvider, List<ProfessionalClaim>> group : byBillingProvider().entrySet()) {
                int providerLevel = billingProvider(group.getKey());
                for (ProfessionalClaim claim : group.getValue()) {
                    subscriberAndClaim(providerLevel, claim);
                }
            }
            int count = transactionSegments + 1;
            segment("SE", Integer.toString(count), numbers.transactionControlNumber());
            segment("GE", "1", numbers.groupControlNumber());
            segment("IEA", "1", numbers.interchangeControlNumber());
            writer.endInterchange();
            return count;
        }

        private void isa() throws EDIStreamException {
            writer.writeStartSegment("ISA");
            for (String element : new String[] {"00", " ".repeat(10), "00", " ".repeat(10),
                    batch.submitter().qualifier(), pad(batch.submitter().id()),
                    batch.receiver().qualifier(), pad(batch.receiver().id()),
                    YYMMDD.format(batch.createdAt()), HHMM.format(batch.createdAt()), "^", "00501",
                    batch.controlNumbers().interchangeControlNumber(), "0", batch.usageIndicator().code(), ":"}) {
                writer.writeElement(element);
            }
            writer.writeEndSegment();
        }

        private void submitterAndReceiver() throws EDIStreamException {
            segment("NM1", "41", "2", batch.submitter().name(), null, null, null, null, "46", batch.submitter().id());
            SubmitterContact contact = batch.submitterContact();
            List<Object> per = new ArrayList<>(List.of("IC", nonNull(contact.name())));
            if (contact.phone() != null) {
                per.addAll(List.of("TE", contact.phone()));
            }
            if (contact.email() != null) {
                per.addAll(List.of("EM", contact.email()));
            }
            segment("PER", per.toArray());
            segment("NM1", "40", "2", batch.receiver().name(), null, null, null, null, "46", batch.receiver().id());
        }

        /** Claims grouped under their billing provider, providers in order of first appearance. */
        private Map<BillingProvider, List<ProfessionalClaim>> byBillingProvider() {
            Map<BillingProvider, List<ProfessionalClaim>> groups = new LinkedHashMap<>();
            for (ProfessionalClaim claim : batch.claims()) {
                groups.computeIfAbsent(claim.billingProvider(), p -> new ArrayList<>()).add(claim);
            }
            return groups;
        }

        private int billingProvider(BillingProvider provider) throws EDIStreamException {
            int level = ++hierarchicalId;
            segment("HL", Integer.toString(level), null, "20", "1");
            if (provider.taxonomyCode() != null) {
                segment("PRV", "BI", "PXC", provider.taxonomyCode());
            }
            segment("NM1", "85", "2", provider.organizationName(), null, null, null, null, "XX", provider.npi());
            address(provider.address());
            segment("REF", "EI", provider.taxId());
            return level;
        }

        private void subscriberAndClaim(int providerLevel, ProfessionalClaim claim) throws EDIStreamException {
            Subscriber subscriber = claim.subscriber();
            Patient patient = claim.patient();
            boolean self = patient == null;
            int subscriberLevel = ++hierarchicalId;
            segment("HL", Integer.toString(subscriberLevel), Integer.toString(providerLevel), "22", self ? "0" : "1");
            segment("SBR", "P", self ? "18" : null, null, null, null, null, null, null,
                    claim.payer().claimFilingIndicatorCode());
            person("IL", subscriber.name(), "MI", subscriber.memberId());
            if (subscriber.address() != null) {
                address(subscriber.address());
            }
            if (self) {
                segment("DMG", "D8", CCYYMMDD.format(subscriber.birthDate()), subscriber.sex().code());
            }
            segment("NM1", "PR", "2", claim.payer().name(), null, null, null, null, "PI", claim.payer().payerId());
            if (!self) {
                segment("HL", Integer.toString(++hierarchicalId), Integer.toString(subscriberLevel), "23", "0");
                segment("PAT", patient.relationshipCode());
                person("QC", patient.name(), null, null);
                address(patient.address());
                segment("DMG", "D8", CCYYMMDD.format(patient.birthDate()), patient.sex().code());
            }
            claim(claim);
        }

        private void claim(ProfessionalClaim claim) throws EDIStreamException {
            segment("CLM", claim.patientControlNumber(), amount(claim.totalCharge()), null, null,
                    new String[] {claim.placeOfService(), "B", claim.frequency().code()}, "Y", "A", "Y", "Y");
            if (claim.frequency().refersToOriginalClaim()) {
                segment("REF", "F8", claim.payerClaimControlNumber());
            }
            List<Object> diagnoses = new ArrayList<>();
            for (String diagnosis : claim.diagnoses()) {
                String qualifier = diagnoses.isEmpty() ? "ABK" : "ABF";
                diagnoses.add(new String[] {qualifier, ProfessionalClaimPolicy.normalizeDiagnosis(diagnosis)});
            }
            segment("HI", diagnoses.toArray());
            RenderingProvider rendering = claim.renderingProvider();
            if (rendering != null && !rendering.npi().equals(claim.billingProvider().npi())) {
                person("82", rendering.name(), "XX", rendering.npi());
                if (rendering.taxonomyCode() != null) {
                    segment("PRV", "PE", "PXC", rendering.taxonomyCode());
                }
            }
            int lineNumber = 0;
            for (ServiceLine line : claim.lines()) {
                serviceLine(++lineNumber, line);
            }
        }

        private void serviceLine(int lineNumber, ServiceLine line) throws EDIStreamException {
            segment("LX", Integer.toString(lineNumber));
            List<String> procedure = new ArrayList<>(List.of("HC", line.procedureCode()));
            procedure.addAll(line.modifiers());
            String[] pointers = line.diagnosisPointers().stream().map(String::valueOf).toArray(String[]::new);
            segment("SV1", procedure.toArray(String[]::new), amount(line.charge()), "UN", amount(line.units()),
                    null, null, pointers);
            segment("DTP", "472", "D8", CCYYMMDD.format(line.serviceDate()));
            segment("REF", "6R", line.lineItemControlNumber());
        }

        /** NM1 for a person: last, first, middle; NM106 prefix and NM107 suffix unused. */
        private void person(String entity, PersonName name, String idQualifier, String id) throws EDIStreamException {
            segment("NM1", entity, "1", name.lastName(), name.firstName(), name.middleName(), null, null, idQualifier, id);
        }

        private void address(Address address) throws EDIStreamException {
            segment("N3", address.line1(), address.line2());
            segment("N4", address.city(), address.state(), address.postalCode());
        }

        /**
         * Writes a segment: each element is a String (null or "" for an empty element) or a String[] for a
         * composite. Trailing empty elements and components are left out, as X12 requires.
         */
        private void segment(String tag, Object... elements) throws EDIStreamException {
            int last = elements.length - 1;
            while (last >= 0 && isEmpty(elements[last])) {
                last--;
            }
            writer.writeStartSegment(tag);
            for (int i = 0; i <= last; i++) {
                Object element = elements[i];
                if (element instanceof String[] components) {
                    writeComposite(components);
                } else if (isEmpty(element)) {
                    writer.writeEmptyElement();
                } else {
                    writer.writeElement((String) element);
                }
            }
            writer.writeEndSegment();
            transactionSegments++;
        }

        private void writeComposite(String[] components) throws EDIStreamException {
            int last = components.length - 1;
            while (last >= 0 && (components[last] == null || components[last].isEmpty())) {
                last--;
            }
            writer.writeStartElement();
            for (int c = 0; c <= last; c++) {
                if (components[c] == null || components[c].isEmpty()) {
                    writer.writeEmptyComponent();
                } else {
                    writer.writeComponent(components[c]);
                }
            }
            writer.endElement();
        }

        private static boolean isEmpty(Object element) {
            if (element == null) {
                return true;
            }
            if (element instanceof String[] components) {
                for (String component : components) {
                    if (component != null && !component.isEmpty()) {
                        return false;
                    }
                }
                return true;
            }
            return ((String) element).isEmpty();
        }

        private static String pad(String id) {
            return String.format(Locale.ROOT, "%-15s", id);
        }

        private static String nonNull(String value) {
            return value == null ? "" : value;
        }
    }
}
