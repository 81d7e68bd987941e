package org.claimflow.billing.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The business rules a claim batch must meet before an 837P (005010X222A1) is written: what the TR3 and the
 * payers require beyond what the X12 schema can check (NPI check digit, diagnosis pointers that refer to
 * existing diagnoses, line charges that add up to the claim's total, at most 12 diagnoses and 50 lines...).
 * Problems name the field by its path (e.g. {@code claims[0].lines[1].diagnosisPointers}), never its value:
 * values are patient data.
 */
public final class ProfessionalClaimPolicy {

    static final int MAX_DIAGNOSES = 12;
    static final int MAX_LINES = 50;
    static final int MAX_POINTERS = 4;
    static final int MAX_MODIFIERS = 4;
    /** The TR3 recommends at most 5000 claims (CLM) per transaction set. */
    static final int MAX_CLAIMS = 5000;

    private static final Pattern ICD10_CM = Pattern.compile("[A-TV-Z][0-9][0-9A-Z]{1,5}");
    private static final Pattern PROCEDURE = Pattern.compile("[A-Z0-9]{5}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
    private static final Pattern TAXONOMY = Pattern.compile("[0-9A-Z]{9}X");
    private static final Pattern EIN = Pattern.compile("\\d{9}");
    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}(\\d{4})?");
    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern PLACE_OF_SERVICE = Pattern.compile("\\d{2}");
    private static final Pattern PHONE = Pattern.compile("\\d{10}");
    private static final Pattern QUALIFIER = Pattern.compile("[0-9A-Z]{2}");
    private static final Set<String> PATIENT_RELATIONSHIPS = Set.of("01", "19", "20", "21", "39", "40", "53", "G8");
    private static final Set<String> CLAIM_FILING_INDICATORS = Set.of("11", "12", "13", "14", "15", "16", "17", "AM",
            "BL", "CH", "CI", "DS", "FI", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ");

    private ProfessionalClaimPolicy() {
    }

    /** Every problem of the batch; empty when it can be written. */
    public static List<String> problems(ClaimBatch batch) {
        Problems problems = new Problems();
        if (batch == null) {
            problems.add("batch", "is required");
            return problems.list;
        }
        partner(problems, "submitter", batch.submitter());
        partner(problems, "receiver", batch.receiver());
        contact(problems, batch.submitterContact());
        controlNumbers(problems, batch.controlNumbers());
        problems.required("usageIndicator", batch.usageIndicator());
        problems.required("createdAt", batch.createdAt());
        problems.text("referenceId", batch.referenceId(), 1, 50, true);
        if (batch.claims().isEmpty()) {
            problems.add("claims", "must hold at least one claim");
        } else if (batch.claims().size() > MAX_CLAIMS) {
            problems.add("claims", "holds more than " + MAX_CLAIMS + " claims");
        }
        LocalDate created = batch.createdAt() == null ? null : batch.createdAt().toLocalDate();
        for (int i = 0; i < batch.claims().size(); i++) {
            claim(problems, "claims[" + i + "]", batch.claims().get(i), created);
        }
        return problems.list;
    }

    private static void partner(Problems problems, String path, TradingPartner partner) {
        if (problems.required(path, partner)) {
            problems.matches(path + ".qualifier", partner.qualifier(), QUALIFIER, "two letters or digits (ISA05/ISA07)");
            // GS02/GS03 need at least two characters, ISA06/ISA08 at most fifteen.
            problems.text(path + ".id", partner.id(), 2, 15, true);
            problems.text(path + ".name", partner.name(), 1, 60, true);
        }
    }

    private static void contact(Problems problems, SubmitterContact contact) {
        if (problems.required("submitterContact", contact)) {
            problems.text("submitterContact.name", contact.name(), 1, 60, false);
            if (contact.phone() == null && contact.email() == null) {
                problems.add("submitterContact", "needs a phone number or an email address");
            }
            if (contact.phone() != null) {
                problems.matches("submitterContact.phone", contact.phone(), PHONE, "ten digits");
            }
            problems.text("submitterContact.email", contact.email(), 1, 256, false);
        }
    }

    private static void controlNumbers(Problems problems, ControlNumbers numbers) {
        if (problems.required("controlNumbers", numbers)) {
            problems.range("controlNumbers.interchange", numbers.interchange());
            problems.range("controlNumbers.group", numbers.group());
            problems.range("controlNumbers.transaction", numbers.transaction());
        }
    }

    private static void claim(Problems problems, String path, ProfessionalClaim claim, LocalDate created) {
        if (!problems.required(path, claim)) {
            return;
        }
        billingProvider(problems, path + ".billingProvider", claim.billingProvider());
        boolean subscriberIsPatient = claim.patient() == null;
        subscriber(problems, path + ".subscriber", claim.subscriber(), subscriberIsPatient);
        payer(problems, path + ".payer", claim.payer());
        if (!subscriberIsPatient) {
            patient(problems, path + ".patient", claim.patient());
        }
        problems.text(path + ".patientControlNumber", claim.patientControlNumber(), 1, 20, true);
        problems.amount(path + ".totalCharge", claim.totalCharge(), 2);
        problems.matches(path + ".placeOfService", claim.placeOfService(), PLACE_OF_SERVICE, "a two-digit place of service code");
        if (problems.required(path + ".frequency", claim.frequency())) {
            if (claim.frequency().refersToOriginalClaim()) {
                problems.text(path + ".payerClaimControlNumber", claim.payerClaimControlNumber(), 1, 50, true);
            } else if (claim.payerClaimControlNumber() != null) {
                problems.add(path + ".payerClaimControlNumber", "is only sent with a replacement (7) or void (8)");
            }
        }
        diagnoses(problems, path + ".diagnoses", claim.diagnoses());
        if (claim.renderingProvider() != null) {
            RenderingProvider rendering = claim.renderingProvider();
            personName(problems, path + ".renderingProvider.name", rendering.name());
            problems.npi(path + ".renderingProvider.npi", rendering.npi());
            taxonomy(problems, path + ".renderingProvider.taxonomyCode", rendering.taxonomyCode());
        }
        lines(problems, path, claim, created);
    }

    private static void billingProvider(Problems problems, String path, BillingProvider provider) {
        if (problems.required(path, provider)) {
            problems.text(path + ".organizationName", provider.organizationName(), 1, 60, true);
            problems.npi(path + ".npi", provider.npi());
            problems.matches(path + ".taxId", provider.taxId(), EIN, "an EIN of nine digits");
            address(problems, path + ".address", provider.address(), true);
            taxonomy(problems, path + ".taxonomyCode", provider.taxonomyCode());
        }
    }

    private static void subscriber(Problems problems, String path, Subscriber subscriber, boolean isPatient) {
        if (problems.required(path, subscriber)) {
            problems.text(path + ".memberId", subscriber.memberId(), 2, 80, true);
            personName(problems, path + ".name", subscriber.name());
            if (isPatient) {
                problems.required(path + ".birthDate", subscriber.birthDate());
                problems.required(path + ".sex", subscriber.sex());
            }
            address(problems, path + ".address", subscriber.address(), isPatient);
        }
    }

    private static void patient(Problems problems, String path, Patient patient) {
        personName(problems, path + ".name", patient.name());
        problems.required(path + ".birthDate", patient.birthDate());
        problems.required(path + ".sex", patient.sex());
        address(problems, path + ".address", patient.address(), true);
        if (!PATIENT_RELATIONSHIPS.contains(patient.relationshipCode())) {
            problems.add(path + ".relationshipCode", "must be one of " + new java.util.TreeSet<>(PATIENT_RELATIONSHIPS));
        }
    }

    private static void payer(Problems problems, String path, Payer payer) {
        if (problems.required(path, payer)) {
            problems.text(path + ".name", payer.name(), 1, 60, true);
            problems.text(path + ".payerId", payer.payerId(), 2, 80, true);
            if (!CLAIM_FILING_INDICATORS.contains(payer.claimFilingIndicatorCode())) {
                problems.add(path + ".claimFilingIndicatorCode", "is not an X12 claim filing indicator code");
            }
        }
    }

    private static void personName(Problems problems, String path, PersonName name) {
        if (problems.required(path, name)) {
            problems.text(path + ".lastName", name.lastName(), 1, 60, true);
            problems.text(path + ".firstName", name.firstName(), 1, 35, false);
            problems.text(path + ".middleName", name.middleName(), 1, 25, false);
        }
    }

    private static void address(Problems problems, String path, Address address, boolean required) {
        if (address == null) {
            if (required) {
                problems.add(path, "is required");
            }
            return;
        }
        problems.text(path + ".line1", address.line1(), 1, 55, true);
        problems.text(path + ".line2", address.line2(), 1, 55, false);
        problems.text(path + ".city", address.city(), 2, 30, true);
        problems.matches(path + ".state", address.state(), STATE, "a two-letter state code");
        problems.matches(path + ".postalCode", address.postalCode(), POSTAL_CODE, "five or nine digits");
    }

    private static void taxonomy(Problems problems, String path, String taxonomy) {
        if (taxonomy != null) {
            problems.matches(path, taxonomy, TAXONOMY, "a ten-character provider taxonomy code");
        }
    }

    private static void diagnoses(Problems problems, String path, List<String> diagnoses) {
        if (diagnoses.isEmpty()) {
            problems.add(path, "must hold at least one diagnosis (the principal)");
        } else if (diagnoses.size() > MAX_DIAGNOSES) {
            problems.add(path, "holds " + diagnoses.size() + " diagnoses; an 837P carries at most " + MAX_DIAGNOSES);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < diagnoses.size(); i++) {
            String code = normalizeDiagnosis(diagnoses.get(i));
            if (code == null || !ICD10_CM.matcher(code).matches()) {
                problems.add(path + "[" + i + "]", "is not an ICD-10-CM code");
            } else if (!seen.add(code)) {
                problems.add(path + "[" + i + "]", "repeats an earlier diagnosis");
            }
        }
    }

    private static void lines(Problems problems, String claimPath, ProfessionalClaim claim, LocalDate created) {
        List<ServiceLine> lines = claim.lines();
        if (lines.isEmpty()) {
            problems.add(claimPath + ".lines", "must hold at least one service line");
        } else if (lines.size() > MAX_LINES) {
            problems.add(claimPath + ".lines", "holds " + lines.size() + " lines; an 837P claim carries at most " + MAX_LINES);
        }
        LocalDate birthDate = claim.patient() != null ? claim.patient().birthDate()
                : claim.subscriber() != null ? claim.subscriber().birthDate() : null;
        BigDecimal sum = BigDecimal.ZERO;
        boolean sumKnown = true;
        Set<String> controlNumbers = new HashSet<>();
        for (int j = 0; j < lines.size(); j++) {
            String path = claimPath + ".lines[" + j + "]";
            ServiceLine line = lines.get(j);
            if (!problems.required(path, line)) {
                sumKnown = false;
                continue;
            }
            problems.matches(path + ".procedureCode", line.procedureCode(), PROCEDURE, "a five-character CPT/HCPCS code");
            if (line.modifiers().size() > MAX_MODIFIERS) {
                problems.add(path + ".modifiers", "holds more than " + MAX_MODIFIERS + " modifiers");
            }
            for (int m = 0; m < line.modifiers().size(); m++) {
                problems.matches(path + ".modifiers[" + m + "]", line.modifiers().get(m), MODIFIER, "a two-character modifier");
            }
            if (problems.amount(path + ".charge", line.charge(), 2)) {
                sum = sum.add(line.charge());
            } else {
                sumKnown = false;
            }
            if (problems.required(path + ".units", line.units())) {
                if (line.units().signum() <= 0) {
                    problems.add(path + ".units", "must be greater than zero");
                } else if (line.units().stripTrailingZeros().scale() > 3) {
                    problems.add(path + ".units", "has more than three decimals");
                }
            }
            pointers(problems, path + ".diagnosisPointers", line.diagnosisPointers(), claim.diagnoses().size());
            if (problems.required(path + ".serviceDate", line.serviceDate())) {
                if (created != null && line.serviceDate().isAfter(created)) {
                    problems.add(path + ".serviceDate", "is after the batch's creation date");
                }
                if (birthDate != null && line.serviceDate().isBefore(birthDate)) {
                    problems.add(path + ".serviceDate", "is before the patient's birth date");
                }
            }
            if (problems.text(path + ".lineItemControlNumber", line.lineItemControlNumber(), 1, 50, true)
                    && !controlNumbers.add(line.lineItemControlNumber())) {
                problems.add(path + ".lineItemControlNumber", "repeats another line's within the claim");
            }
        }
        if (sumKnown && claim.totalCharge() != null && !lines.isEmpty() && sum.compareTo(claim.totalCharge()) != 0) {
            problems.add(claimPath + ".totalCharge", "is " + claim.totalCharge().toPlainString()
                    + " but the line charges add up to " + sum.toPlainString());
        }
        if (birthDate != null && created != null && birthDate.isAfter(created)) {
            problems.add(claimPath, "the patient's birth date is after the batch's creation date");
        }
    }

    private static void pointers(Problems problems, String path, List<Integer> pointers, int diagnoses) {
        if (pointers.isEmpty()) {
            problems.add(path, "must point to at least one diagnosis");
        } else if (pointers.size() > MAX_POINTERS) {
            problems.add(path, "holds " + pointers.size() + " pointers; a line points to at most " + MAX_POINTERS);
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer pointer : pointers) {
            if (pointer == null || pointer < 1 || pointer > Math.min(diagnoses, MAX_DIAGNOSES)) {
                problems.add(path, "pointer " + pointer + " refers to no diagnosis (the claim has " + diagnoses + ")");
            } else if (!seen.add(pointer)) {
                problems.add(path, "pointer " + pointer + " is repeated");
            }
        }
    }

    /** ICD-10-CM as the 837 wants it: upper case, without the dot. Null stays null. */
    static String normalizeDiagnosis(String code) {
        return code == null ? null : code.replace(".", "").trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** Collects problems as "path: what is wrong". */
    private static final class Problems {
        final List<String> list = new ArrayList<>();

        void add(String path, String problem) {
            list.add(path + ": " + problem);
        }

        boolean required(String path, Object value) {
            if (value == null) {
                add(path, "is required");
                return false;
            }
            return true;
        }

        /** Length and X12 character rules; returns whether the value is present and valid. */
        boolean text(String path, String value, int min, int max, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    add(path, "is required");
                } else if (value != null) {
                    add(path, "is blank; leave it out instead");
                }
                return false;
            }
            boolean valid = true;
            if (value.length() < min || value.length() > max) {
                add(path, "must be %d to %d characters long".formatted(min, max));
                valid = false;
            }
            if (!value.chars().allMatch(ProfessionalClaimPolicy::isX12Character)) {
                add(path, "holds characters X12 cannot carry (only printable ASCII, none of ~ * : ^)");
                valid = false;
            }
            return valid;
        }

        void matches(String path, String value, Pattern pattern, String expected) {
            if (value == null) {
                add(path, "is required");
            } else if (!pattern.matcher(value).matches()) {
                add(path, "must be " + expected);
            }
        }

        void npi(String path, String npi) {
            if (npi == null || npi.isBlank()) {
                add(path, "is required");
            } else if (!Npi.isValid(npi)) {
                add(path, "is not a valid NPI (ten digits with a Luhn check digit over 80840)");
            }
        }

        void range(String path, long number) {
            if (number < 1 || number > ControlNumbers.MAX) {
                add(path, "must be between 1 and " + ControlNumbers.MAX);
            }
        }

        /** A non-negative amount with at most {@code scale} decimals; returns whether it is valid. */
        boolean amount(String path, BigDecimal amount, int scale) {
            if (amount == null) {
                add(path, "is required");
                return false;
            }
            if (amount.signum() < 0) {
                add(path, "must not be negative");
                return false;
            }
            if (amount.stripTrailingZeros().scale() > scale) {
                add(path, "has more than " + scale + " decimals");
                return false;
            }
            return true;
        }
    }

    private static boolean isX12Character(int c) {
        return c >= 0x20 && c <= 0x7E && c != '~' && c != '*' && c != ':' && c != '^';
    }
}
