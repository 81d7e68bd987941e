package org.claimflow.eligibility.x12;

import java.util.Map;
import java.util.Set;

/**
 * An AAA request validation segment of a 271: why the payer could not answer (part of) the inquiry.
 *
 * @param loop               where the AAA was: 2000A/2100A (payer), 2100B (provider), 2100C/2110C (subscriber),
 *                           2100D/2110D (dependent)
 * @param validRequest       AAA01: Y when the request was valid but could not be answered, N when it was not
 * @param rejectReasonCode   AAA03, e.g. 72 invalid member id, 75 subscriber not found, 42 unable to respond now; null when absent
 * @param followUpActionCode AAA04, e.g. C correct and resubmit, R resubmission allowed, N resubmission not allowed; null when absent
 */
public record RequestError(String loop, boolean validRequest, String rejectReasonCode, String followUpActionCode) {

    private static final Set<String> NOT_FOUND = Set.of("64", "67", "72", "75", "77", "78");
    private static final Set<String> TRANSIENT = Set.of("42", "80");
    private static final Set<String> RESUBMIT = Set.of("C", "P", "R", "W", "X");

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("04", "Authorized quantity exceeded"),
            Map.entry("15", "Required application data missing"),
            Map.entry("41", "Authorization/access restrictions"),
            Map.entry("42", "Unable to respond at current time"),
            Map.entry("43", "Invalid/missing provider identification"),
            Map.entry("44", "Invalid/missing provider name"),
            Map.entry("45", "Invalid/missing provider specialty"),
            Map.entry("46", "Invalid/missing provider phone number"),
            Map.entry("47", "Invalid/missing provider state"),
            Map.entry("48", "Invalid/missing referring provider identification number"),
            Map.entry("49", "Provider is not primary care physician"),
            Map.entry("50", "Provider ineligible for inquiries"),
            Map.entry("51", "Provider not on file"),
            Map.entry("52", "Service dates not within provider plan enrollment"),
            Map.entry("53", "Inquired benefit inconsistent with provider type"),
            Map.entry("54", "Inappropriate product/service ID qualifier"),
            Map.entry("55", "Inappropriate product/service ID"),
            Map.entry("56", "Inappropriate date"),
            Map.entry("57", "Invalid/missing date(s) of service"),
            Map.entry("58", "Invalid/missing date of birth"),
            Map.entry("60", "Date of birth follows date(s) of service"),
            Map.entry("61", "Date of death precedes date(s) of service"),
            Map.entry("62", "Date of service not within allowable inquiry period"),
            Map.entry("63", "Date of service in future"),
            Map.entry("64", "Invalid/missing patient ID"),
            Map.entry("65", "Invalid/missing patient name"),
            Map.entry("66", "Invalid/missing patient gender code"),
            Map.entry("67", "Patient not found"),
            Map.entry("68", "Duplicate patient ID number"),
            Map.entry("69", "Inconsistent with patient's age"),
            Map.entry("70", "Inconsistent with patient's gender"),
            Map.entry("71", "Patient birth date does not match that for the patient on the database"),
            Map.entry("72", "Invalid/missing subscriber/insured ID"),
            Map.entry("73", "Invalid/missing subscriber/insured name"),
            Map.entry("74", "Invalid/missing subscriber/insured gender code"),
            Map.entry("75", "Subscriber/insured not found"),
            Map.entry("76", "Duplicate subscriber/insured ID number"),
            Map.entry("77", "Subscriber found, patient not found"),
            Map.entry("78", "Subscriber/insured not in group/plan identified"),
            Map.entry("79", "Invalid participant identification"),
            Map.entry("80", "No response received - transaction terminated"),
            Map.entry("97", "Invalid or missing provider address"),
            Map.entry("T4", "Payer name or identifier missing"));

    /** The X12 meaning of the reject reason code, or "Reject reason <code>" for one not listed here. */
    public String description() {
        if (rejectReasonCode == null) {
            return "No reject reason given";
        }
        String text = REASONS.get(rejectReasonCode);
        return text != null ? text : "Reject reason " + rejectReasonCode;
    }

    /** The payer does not know the member as identified. */
    public boolean memberNotFound() {
        return rejectReasonCode != null && NOT_FOUND.contains(rejectReasonCode);
    }

    /** The payer could not answer now; the same inquiry may succeed later. */
    public boolean temporary() {
        return rejectReasonCode != null && TRANSIENT.contains(rejectReasonCode);
    }

    /** AAA04 allows sending the inquiry again (corrected, or as is, or after waiting). */
    public boolean resubmissionAllowed() {
        return followUpActionCode != null && RESUBMIT.contains(followUpActionCode);
    }
}
