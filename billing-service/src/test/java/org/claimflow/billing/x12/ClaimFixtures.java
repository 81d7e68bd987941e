package org.claimflow.billing.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builders for 837P inputs: an office visit for Ada Lovelace, changed one field at a time by each test. */
final class ClaimFixtures {

    static final String BILLING_NPI = "1234567893";
    static final String RENDERING_NPI = "1245319599";
    static final LocalDateTime CREATED_AT = LocalDateTime.of(2024, 3, 4, 9, 30);
    static final LocalDate SERVICE_DATE = LocalDate.of(2024, 3, 1);
    static final ControlNumbers CONTROL_NUMBERS = new ControlNumbers(42, 7, 1);

    private ClaimFixtures() {
    }

    static ClaimBatch batch(ProfessionalClaim... claims) {
        return new ClaimBatch(TradingPartner.mutuallyDefined("CLAIMFLOW", "CLAIMFLOW BILLING"),
                TradingPartner.mutuallyDefined("CLEARHOUSE01", "CLEARING HOUSE"),
                new SubmitterContact("BILLING DESK", "6175550100", null), CONTROL_NUMBERS, UsageIndicator.TEST,
                CREATED_AT, "BATCH-0042", List.of(claims));
    }

    static ProfessionalClaim officeVisit() {
        return officeVisitBuilder().build();
    }

    /** Ada Lovelace, subscriber and patient; E11.9 + I10; 99213-25 150.00 (pointers 1,2) + 36415 12.00 (pointer 1). */
    static ClaimBuilder officeVisitBuilder() {
        return new ClaimBuilder();
    }

    static LineBuilder line(String procedureCode) {
        return new LineBuilder(procedureCode);
    }

    static Patient child() {
        return new Patient(new PersonName("LOVELACE", "ANNE", "ISABELLA"), LocalDate.of(2016, 9, 12), Sex.FEMALE,
                new Address("12 ST JAMES SQ", null, "BOSTON", "MA", "02116"), "19");
    }

    static final class ClaimBuilder {
        private BillingProvider billingProvider = new BillingProvider("BABBAGE FAMILY PRACTICE", BILLING_NPI, "123456789",
                new Address("1 ANALYTICAL ENGINE WAY", "SUITE 2", "BOSTON", "MA", "021101234"), "207Q00000X");
        private Subscriber subscriber = new Subscriber("ADA1815XYZ", new PersonName("LOVELACE", "ADA", "A"),
                LocalDate.of(1985, 12, 10), Sex.FEMALE, new Address("12 ST JAMES SQ", null, "BOSTON", "MA", "02116"));
        private Payer payer = new Payer("ACME HEALTH PLAN", "ACME01", "CI");
        private Patient patient;
        private String patientControlNumber = "PCN-2024-0001";
        private BigDecimal totalCharge;
        private String placeOfService = "11";
        private ClaimFrequency frequency = ClaimFrequency.ORIGINAL;
        private String payerClaimControlNumber;
        private List<String> diagnoses = List.of("E11.9", "I10");
        private RenderingProvider renderingProvider = new RenderingProvider(new PersonName("BABBAGE", "CHARLES", null),
                RENDERING_NPI, "207Q00000X");
        private List<ServiceLine> lines = List.of(
                line("99213").modifiers("25").charge("150.00").pointers(1, 2).controlNumber("PCN-2024-0001-1").build(),
                line("36415").charge("12.00").pointers(1).controlNumber("PCN-2024-0001-2").build());

        ClaimBuilder billingNpi(String npi) {
            billingProvider = new BillingProvider(billingProvider.organizationName(), npi, billingProvider.taxId(),
                    billingProvider.address(), billingProvider.taxonomyCode());
            return this;
        }

        ClaimBuilder billingProviderName(String name) {
            billingProvider = new BillingProvider(name, billingProvider.npi(), billingProvider.taxId(),
                    billingProvider.address(), billingProvider.taxonomyCode());
            return this;
        }

        ClaimBuilder billingProvider(BillingProvider provider) {
            billingProvider = provider;
            return this;
        }

        ClaimBuilder patient(Patient value) {
            patient = value;
            return this;
        }

        ClaimBuilder patientControlNumber(String value) {
            patientControlNumber = value;
            return this;
        }

        ClaimBuilder totalCharge(String value) {
            totalCharge = new BigDecimal(value);
            return this;
        }

        ClaimBuilder frequency(ClaimFrequency value, String payerClaimControlNumber) {
            frequency = value;
            this.payerClaimControlNumber = payerClaimControlNumber;
            return this;
        }

        ClaimBuilder diagnoses(String... codes) {
            diagnoses = Arrays.asList(codes);
            return this;
        }

        ClaimBuilder renderingProvider(RenderingProvider value) {
            renderingProvider = value;
            return this;
        }

        ClaimBuilder lines(ServiceLine... values) {
            lines = Arrays.asList(values);
            return this;
        }

        ProfessionalClaim build() {
            BigDecimal total = totalCharge != null ? totalCharge
                    : lines.stream().map(ServiceLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new ProfessionalClaim(billingProvider, subscriber, payer, patient, patientControlNumber, total,
                    placeOfService, frequency, payerClaimControlNumber, diagnoses, renderingProvider, lines);
        }
    }

    static final class LineBuilder {
        private final String procedureCode;
        private List<String> modifiers = List.of();
        private BigDecimal charge = new BigDecimal("100.00");
        private BigDecimal units = BigDecimal.ONE;
        private List<Integer> pointers = List.of(1);
        private LocalDate serviceDate = SERVICE_DATE;
        private String controlNumber;

        LineBuilder(String procedureCode) {
            this.procedureCode = procedureCode;
            this.controlNumber = "LINE-" + procedureCode;
        }

        LineBuilder modifiers(String... values) {
            modifiers = List.of(values);
            return this;
        }

        LineBuilder charge(String value) {
            charge = new BigDecimal(value);
            return this;
        }

        LineBuilder units(BigDecimal value) {
            units = value;
            return this;
        }

        LineBuilder pointers(Integer... values) {
            pointers = new ArrayList<>(Arrays.asList(values));
            return this;
        }

        LineBuilder serviceDate(LocalDate value) {
            serviceDate = value;
            return this;
        }

        LineBuilder controlNumber(String value) {
            controlNumber = value;
            return this;
        }

        ServiceLine build() {
            return new ServiceLine(procedureCode, modifiers, charge, units, pointers, serviceDate, controlNumber);
        }
    }
}
