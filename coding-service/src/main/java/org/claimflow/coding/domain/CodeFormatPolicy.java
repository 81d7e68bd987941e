package org.claimflow.coding.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * First-pass coding edits on the shape of the codes: the checks that need no code-set table. An encounter
 * with an error finding is held for a coder instead of becoming a claim a payer would reject.
 */
public final class CodeFormatPolicy {

    /** ICD-10-CM: letter, digit, alphanumeric, then up to four more characters; with or without the dot. */
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");
    /** CPT category I (5 digits), category II/III (4 digits + F/T) and HCPCS Level II (letter + 4 digits). */
    private static final Pattern PROCEDURE = Pattern.compile("[0-9]{5}|[0-9]{4}[FTU]|[A-V][0-9]{4}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
    private static final Pattern PLACE_OF_SERVICE = Pattern.compile("[0-9]{2}");
    private static final int MAX_DIAGNOSES = 12;
    private static final String SOURCE_837P = "X12 005010X222A1";

    private CodeFormatPolicy() {
    }

    public static List<Finding> check(CodedEncounter encounter) {
        List<Finding> findings = new ArrayList<>();
        List<String> diagnoses = encounter.diagnoses();
        for (String dx : diagnoses) {
            if (!ICD10.matcher(dx).matches()) {
                findings.add(Finding.error("ICD10_FORMAT", "Diagnosis " + dx + " is not an ICD-10-CM code.",
                        List.of(dx), List.of(), "ICD-10-CM code structure",
                        "Enter the ICD-10-CM code (letter, two characters, optional dot and up to four more)."));
            }
        }
        if (diagnoses.size() > MAX_DIAGNOSES) {
            findings.add(Finding.error("DIAGNOSIS_COUNT", "A professional claim carries at most 12 diagnoses; this encounter has "
                    + diagnoses.size() + ".", List.of(), List.of(), SOURCE_837P, "Keep the 12 diagnoses that the service lines point to."));
        }
        if (!PLACE_OF_SERVICE.matcher(encounter.placeOfService()).matches()) {
            findings.add(Finding.error("POS_FORMAT", "Place of service " + encounter.placeOfService() + " is not a two-digit CMS code.",
                    List.of(encounter.placeOfService()), List.of(), "CMS place of service code set", "Use a CMS place of service code such as 11 (office)."));
        }
        for (CodedEncounter.Line line : encounter.serviceLines()) {
            checkLine(line, diagnoses.size(), findings);
        }
        checkNpi("billing", encounter.billingProviderNpi(), findings);
        if (encounter.renderingProviderNpi() != null) {
            checkNpi("rendering", encounter.renderingProviderNpi(), findings);
        }
        return List.copyOf(findings);
    }

    private static void checkLine(CodedEncounter.Line line, int diagnosisCount, List<Finding> findings) {
        List<Integer> at = List.of(line.lineNumber());
        if (!PROCEDURE.matcher(line.procedureCode()).matches()) {
            findings.add(Finding.error("PROCEDURE_FORMAT", "Procedure code " + line.procedureCode()
                    + " is neither a CPT nor a HCPCS Level II code.", List.of(line.procedureCode()), at,
                    "CPT/HCPCS code structure", "Enter a five-character CPT or HCPCS code."));
        }
        for (String modifier : line.modifiers()) {
            if (!MODIFIER.matcher(modifier).matches()) {
                findings.add(Finding.error("MODIFIER_FORMAT", "Modifier " + modifier + " is not a two-character modifier.",
                        List.of(modifier), at, "CPT/HCPCS modifiers", "Enter a two-character modifier such as 25 or LT."));
            }
        }
        for (Integer pointer : line.diagnosisPointers()) {
            if (pointer < 1 || pointer > diagnosisCount) {
                findings.add(Finding.error("DIAGNOSIS_POINTER", "Line " + line.lineNumber() + " points to diagnosis "
                        + pointer + " but the encounter has " + diagnosisCount + ".", List.of(line.procedureCode()), at,
                        SOURCE_837P, "Point the line at one to four of the listed diagnoses."));
            }
        }
    }

    private static void checkNpi(String role, String npi, List<Finding> findings) {
        if (!NpiPolicy.isValid(npi)) {
            findings.add(Finding.error("NPI_CHECK_DIGIT", "The " + role + " provider NPI " + npi + " fails the NPI check digit.",
                    List.of(npi), List.of(), "CMS NPI check digit (Luhn, prefix 80840)", "Correct the " + role + " provider NPI."));
        }
    }
}
