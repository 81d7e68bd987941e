package org.claimflow.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.claimflow.billing.x12.Npi;

/**
 * The claim scrubber: what a payer or clearinghouse would reject at the front door for missing or malformed
 * data, checked before a claim is batched for submission (an 837P rejected by a 277CA costs days; a held claim
 * costs a fix). Pure: the claim, its lines, today and the payer's timely-filing limit in, findings out.
 * ERROR findings hold the claim (SCRUB_HOLD); WARNING findings do not.
 */
public final class ClaimScrubPolicy {

    /** 837P 2300 HI carries at most 12 diagnoses; loop 2400 repeats at most 50 times. */
    public static final int MAX_DIAGNOSES = 12;
    public static final int MAX_LINES = 50;
    public static final int DEFAULT_TIMELY_FILING_DAYS = 365;

    /** A PO box or lock box: 837P loop 2010AA requires a street address (pay-to goes in 2010AB). */
    private static final Pattern PO_BOX = Pattern.compile(
            "\\b(P\\.?\\s*O\\.?\\s*BOX|POST\\s+OFFICE\\s+BOX|POB\\s+\\d|LOCK\\s*BOX|P\\.?\\s*O\\.?\\s+DRAWER)\\b|^\\s*BOX\\s+\\d",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ZIP = Pattern.compile("\\d{5}(\\d{4})?");
    private static final Pattern TAX_ID = Pattern.compile("\\d{9}");
    private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9-]{2,80}");
    /** X12's basic and extended character set, without our delimiters (* element, : component, ^ repetition, ~ segment). */
    private static final Pattern X12_TEXT = Pattern.compile("[A-Za-z0-9 !\"&'()+,\\-./;?=%@\\[\\]_{}\\\\|<>#$]*");
    /** USPS codes of the states, DC, the territories and the military post offices. */
    static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL",
            "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
            "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC",
            "PR", "VI", "GU", "AS", "MP", "AA", "AE", "AP");

    private ClaimScrubPolicy() {
    }

    /** Every finding of the claim, in a stable order; empty when it is clean. */
    public static List<ScrubFinding> check(Claim claim, List<ClaimLine> lines, LocalDate today, int timelyFilingDays) {
        List<ScrubFinding> findings = new ArrayList<>();
        billingProvider(claim, findings);
        subscriber(claim, findings);
        dates(claim, today, timelyFilingDays, findings);
        charges(claim, lines, findings);
        if (lines.size() > MAX_LINES) {
            findings.add(ScrubFinding.error("TOO_MANY_LINES", "serviceLines", "The claim has %d service lines; an 837P claim carries at most %d."
                    .formatted(lines.size(), MAX_LINES), "Split the services into two claims."));
        }
        int diagnoses = claim.diagnoses == null || claim.diagnoses.isBlank() ? 0 : claim.diagnosisList().size();
        if (diagnoses > MAX_DIAGNOSES) {
            findings.add(ScrubFinding.error("TOO_MANY_DIAGNOSES", "diagnoses", "The claim has %d diagnoses; an 837P claim carries at most %d."
                    .formatted(diagnoses, MAX_DIAGNOSES), "Keep the 12 the service lines point to, or split the claim."));
        }
        return List.copyOf(findings);
    }

    public static boolean holds(List<ScrubFinding> findings) {
        return findings.stream().anyMatch(ScrubFinding::holds);
    }

    private static void billingProvider(Claim claim, List<ScrubFinding> findings) {
        String fix = "Correct the billing provider's data in the provider registry and on the claim (POST /api/v1/claims/{id}/data-corrections).";
        if (blank(claim.billingLine1)) {
            findings.add(ScrubFinding.error("BILLING_ADDRESS_MISSING", "billingProvider.address.line1",
                    "The billing provider has no street address (837P loop 2010AA N3).", fix));
        } else if (PO_BOX.matcher(claim.billingLine1).find() || (claim.billingLine2 != null && PO_BOX.matcher(claim.billingLine2).find())) {
            findings.add(ScrubFinding.error("BILLING_ADDRESS_PO_BOX", "billingProvider.address.line1",
                    "The billing provider address is a post office or lock box; loop 2010AA requires a street address.",
                    "Use the practice's physical street address; a PO box belongs in the pay-to address (2010AB)."));
        } else if (claim.billingLine1.toUpperCase().startsWith("ADDRESS UNKNOWN")) {
            findings.add(ScrubFinding.warning("BILLING_ADDRESS_PLACEHOLDER", "billingProvider.address.line1",
                    "The billing provider address is the configured placeholder; the provider registry has no row for this NPI.",
                    "Add the practice's address to the provider registry."));
        }
        postalCode("BILLING_ZIP_INVALID", "billingProvider.address.postalCode", "billing provider", claim.billingPostalCode, findings);
        state("BILLING_STATE_INVALID", "billingProvider.address.state", "billing provider", claim.billingState, findings);
        if (blank(claim.billingTaxId) || !TAX_ID.matcher(claim.billingTaxId).matches()) {
            findings.add(ScrubFinding.error("TAX_ID_INVALID", "billingProvider.taxId",
                    "The billing provider's tax id (EIN or SSN) must be 9 digits without a hyphen.", fix));
        }
        if (!Npi.isValid(claim.billingNpi)) {
            findings.add(ScrubFinding.error("BILLING_NPI_INVALID", "billingProvider.npi",
                    "The billing provider NPI is not 10 digits with a valid check digit.", "Check the NPI in NPPES and correct the practice's record."));
        }
        if (claim.renderingNpi != null && !Npi.isValid(claim.renderingNpi)) {
            findings.add(ScrubFinding.error("RENDERING_NPI_INVALID", "renderingProvider.npi",
                    "The rendering provider NPI is not 10 digits with a valid check digit.", "Check the NPI in NPPES and correct the encounter."));
        }
        name("BILLING_NAME_INVALID", "billingProvider.name", "billing provider name", claim.billingName, true, findings);
        name("RENDERING_NAME_INVALID", "renderingProvider.lastName", "rendering provider's last name", claim.renderingLastName, false, findings);
        name("RENDERING_NAME_INVALID", "renderingProvider.firstName", "rendering provider's first name", claim.renderingFirstName, false, findings);
    }

    private static void subscriber(Claim claim, List<ScrubFinding> findings) {
        if (blank(claim.memberId)) {
            findings.add(ScrubFinding.error("MEMBER_ID_MISSING", "memberId", "The subscriber's member id is missing (2010BA NM109).",
                    "Copy the member id from the insurance card."));
        } else if (!MEMBER_ID.matcher(claim.memberId).matches()) {
            findings.add(ScrubFinding.error("MEMBER_ID_INVALID", "memberId",
                    "The subscriber's member id holds characters a payer does not issue (only letters, digits and hyphens).",
                    "Copy the member id from the insurance card, without spaces or punctuation."));
        }
        name("PATIENT_NAME_INVALID", "patient.lastName", "patient's last name", claim.patientLastName, true, findings);
        name("PATIENT_NAME_INVALID", "patient.firstName", "patient's first name", claim.patientFirstName, false, findings);
        postalCode("PATIENT_ZIP_INVALID", "patient.address.postalCode", "patient", claim.patientPostalCode, findings);
        state("PATIENT_STATE_INVALID", "patient.address.state", "patient", claim.patientState, findings);
    }

    private static void dates(Claim claim, LocalDate today, int timelyFilingDays, List<ScrubFinding> findings) {
        if (claim.dateOfService == null) {
            findings.add(ScrubFinding.error("DATE_OF_SERVICE_MISSING", "dateOfService", "The claim has no date of service.",
                    "Correct the encounter."));
            return;
        }
        if (claim.patientDateOfBirth != null && claim.patientDateOfBirth.isAfter(claim.dateOfService)) {
            findings.add(ScrubFinding.error("PATIENT_BIRTH_DATE_AFTER_SERVICE", "patient.dateOfBirth",
                    "The patient's date of birth is after the date of service.", "Correct the patient's date of birth."));
        }
        if (claim.dateOfService.isAfter(today)) {
            findings.add(ScrubFinding.error("DATE_OF_SERVICE_IN_FUTURE", "dateOfService",
                    "The date of service is in the future; a claim is billed after the service.", "Correct the date of service, or bill it later."));
        } else if (claim.dateOfService.plusDays(timelyFilingDays).isBefore(today)) {
            findings.add(ScrubFinding.error("TIMELY_FILING_EXPIRED", "dateOfService",
                    "The date of service is more than %d days ago: past the payer's timely-filing limit.".formatted(timelyFilingDays),
                    "Send it only with proof of timely filing (an earlier submission or the payer's delay), else write it off."));
        }
    }

    private static void charges(Claim claim, List<ClaimLine> lines, List<ScrubFinding> findings) {
        BigDecimal sum = lines.stream().map(l -> l.chargeAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (claim.totalCharge == null || claim.totalCharge.signum() <= 0) {
            findings.add(ScrubFinding.error("ZERO_CHARGE", "totalCharge", "The claim's total charge is zero.",
                    "Price the service lines (charge master) before billing."));
        } else if (claim.totalCharge.compareTo(sum) != 0) {
            findings.add(ScrubFinding.error("TOTAL_CHARGE_MISMATCH", "totalCharge",
                    "The claim's total charge (CLM02) is not the sum of its line charges (SV102).", "Re-price the claim so the lines add up."));
        }
        for (ClaimLine line : lines) {
            if (line.chargeAmount == null || line.chargeAmount.signum() <= 0) {
                findings.add(ScrubFinding.error("ZERO_CHARGE", "serviceLines[" + (line.lineNumber - 1) + "].chargeAmount",
                        "Service line %d has no charge.".formatted(line.lineNumber), "Price the line (charge master) before billing."));
            }
        }
    }

    private static void postalCode(String ruleId, String field, String whose, String value, List<ScrubFinding> findings) {
        if (blank(value) || !ZIP.matcher(value).matches()) {
            findings.add(ScrubFinding.error(ruleId, field, "The %s ZIP code must be 5 or 9 digits (no hyphen).".formatted(whose),
                    "Correct the ZIP code; ZIP+4 goes without the hyphen."));
        }
    }

    private static void state(String ruleId, String field, String whose, String value, List<ScrubFinding> findings) {
        if (blank(value) || !US_STATES.contains(value)) {
            findings.add(ScrubFinding.error(ruleId, field, "The %s state is not a US state code (two capital letters, e.g. IL).".formatted(whose),
                    "Use the USPS two-letter code."));
        }
    }

    private static void name(String ruleId, String field, String what, String value, boolean required, List<ScrubFinding> findings) {
        if (blank(value)) {
            if (required) {
                findings.add(ScrubFinding.error(ruleId, field, "The %s is missing.".formatted(what), "Enter it as on the insurance card or the NPI record."));
            }
        } else if (!X12_TEXT.matcher(value).matches()) {
            findings.add(ScrubFinding.error(ruleId, field,
                    "The %s holds characters an 837P cannot carry (letters outside A–Z, or the delimiters * : ^ ~).".formatted(what),
                    "Spell it with A–Z letters (e.g. an accented letter without its accent), digits, spaces, hyphens or apostrophes."));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
