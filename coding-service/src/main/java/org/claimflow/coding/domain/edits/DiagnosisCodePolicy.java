package org.claimflow.coding.domain.edits;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.claimflow.coding.domain.CodedEncounter;
import org.claimflow.coding.domain.Finding;

/**
 * ICD-10-CM diagnoses against the order file (exists, billable) and the Medicare Code Editor (age on
 * the date of service, sex, manifestation codes not first).
 */
public final class DiagnosisCodePolicy {

    /** Codes of another shape get their finding from CodeFormatPolicy; the tables are not asked about them. */
    private static final Pattern ICD10_SHAPE = Pattern.compile("[A-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");

    private DiagnosisCodePolicy() {
    }

    public static List<Finding> check(CodedEncounter encounter, CodeSetRows rows) {
        List<Finding> findings = new ArrayList<>();
        List<String> diagnoses = encounter.diagnoses();
        int age = Period.between(encounter.patientDateOfBirth(), encounter.dateOfService()).getYears();
        for (int i = 0; i < diagnoses.size(); i++) {
            String dx = diagnoses.get(i);
            if (!ICD10_SHAPE.matcher(dx).matches()) {
                continue;
            }
            String key = CodeSetRows.undotted(dx);
            List<Integer> lines = linesPointingTo(encounter, i + 1);
            if (rows.has(CodeSet.ICD10CM)) {
                CodeSetRows.IcdCode code = rows.icd10cm().get(key);
                if (code == null) {
                    findings.add(Finding.error("ICD10_UNKNOWN", "Diagnosis " + dx + " is not an ICD-10-CM code for the date of service "
                            + encounter.dateOfService() + ".", List.of(dx), lines, rows.source(CodeSet.ICD10CM),
                            "Look the diagnosis up in the ICD-10-CM tabular list and enter a valid code."));
                    continue;
                }
                if (!code.billable()) {
                    findings.add(Finding.error("ICD10_NOT_BILLABLE", "Diagnosis " + dx + " (" + code.description()
                            + ") is a category header, not a billable code.", List.of(dx), lines, rows.source(CodeSet.ICD10CM),
                            "Code to the highest specificity: pick a complete code under " + dx + " (for example " + dx
                                    + " plus its further characters)."));
                }
            }
            if (rows.has(CodeSet.MCE)) {
                for (CodeSetRows.MceEdit edit : rows.mceEdits().getOrDefault(key, List.of())) {
                    mce(encounter, dx, i, age, edit, lines, rows, findings);
                }
            }
        }
        return List.copyOf(findings);
    }

    private static void mce(CodedEncounter encounter, String dx, int index, int age, CodeSetRows.MceEdit edit,
                            List<Integer> lines, CodeSetRows rows, List<Finding> findings) {
        String source = rows.source(CodeSet.MCE);
        if (edit.ageMin() != null && (age < edit.ageMin() || age > edit.ageMax())) {
            findings.add(Finding.error("MCE_AGE", "Diagnosis " + dx + " is only valid for " + edit.rule()
                    + "; the patient is " + age + " on the date of service " + encounter.dateOfService() + ".",
                    List.of(dx), lines, source,
                    "Check the patient's date of birth and the diagnosis; use a code valid for a patient aged " + age + "."));
        } else if (edit.sex() != null && isKnownSex(encounter.patientSex()) && !edit.sex().equals(encounter.patientSex())) {
            findings.add(Finding.error("MCE_SEX", "Diagnosis " + dx + " is " + edit.rule().toLowerCase()
                    + " but the patient's sex is " + encounter.patientSex() + ".", List.of(dx), lines, source,
                    "Check the patient's sex in the registration and the diagnosis code."));
        } else if ("Other".equals(edit.group()) && edit.rule().startsWith("Manifestation") && index == 0) {
            findings.add(Finding.error("MCE_MANIFESTATION", "Diagnosis " + dx
                    + " is a manifestation code and may not be the first (principal) diagnosis.", List.of(dx), lines, source,
                    "List the underlying condition first and " + dx + " after it."));
        }
    }

    private static boolean isKnownSex(String sex) {
        return "F".equals(sex) || "M".equals(sex);
    }

    private static List<Integer> linesPointingTo(CodedEncounter encounter, int pointer) {
        return encounter.serviceLines().stream().filter(l -> l.diagnosisPointers().contains(pointer))
                .map(CodedEncounter.Line::lineNumber).toList();
    }
}
