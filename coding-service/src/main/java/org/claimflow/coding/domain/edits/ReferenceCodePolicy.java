package org.claimflow.coding.domain.edits;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.claimflow.coding.domain.CodedEncounter;
import org.claimflow.coding.domain.Finding;

/**
 * Codes that must exist in a CMS list: HCPCS Level II procedure codes (and not be terminated on the date
 * of service), modifiers, the place of service. CPT numbers are not looked up: there is no CPT table
 * (AMA copyright), so only their format is checked, by CodeFormatPolicy.
 */
public final class ReferenceCodePolicy {

    private static final Pattern HCPCS_LEVEL_II = Pattern.compile("[A-V][0-9]{4}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
    private static final Pattern PLACE_OF_SERVICE = Pattern.compile("[0-9]{2}");

    private ReferenceCodePolicy() {
    }

    public static List<Finding> check(CodedEncounter encounter, CodeSetRows rows) {
        List<Finding> findings = new ArrayList<>();
        String pos = encounter.placeOfService();
        if (rows.has(CodeSet.POS) && PLACE_OF_SERVICE.matcher(pos).matches() && !rows.placesOfService().contains(pos)) {
            findings.add(Finding.error("POS_UNKNOWN", "Place of service " + pos + " is not in the CMS place of service code set.",
                    List.of(pos), List.of(), rows.source(CodeSet.POS), "Use the code of where the service was given, e.g. 11 (office)."));
        }
        for (CodedEncounter.Line line : encounter.serviceLines()) {
            List<Integer> at = List.of(line.lineNumber());
            String code = line.procedureCode();
            if (rows.has(CodeSet.HCPCS) && HCPCS_LEVEL_II.matcher(code).matches()) {
                CodeSetRows.HcpcsCode hcpcs = rows.hcpcs().get(code);
                if (hcpcs == null) {
                    findings.add(Finding.error("HCPCS_UNKNOWN", "Procedure code " + code + " is not a HCPCS Level II code.",
                            List.of(code), at, rows.source(CodeSet.HCPCS), "Check the code against the current HCPCS Level II list."));
                } else if (hcpcs.dateTerm() != null && hcpcs.dateTerm().isBefore(encounter.dateOfService())) {
                    findings.add(Finding.error("HCPCS_TERMINATED", "HCPCS code " + code + " was terminated on " + hcpcs.dateTerm()
                            + ", before the date of service " + encounter.dateOfService() + ".", List.of(code), at,
                            rows.source(CodeSet.HCPCS), "Use the code that replaced " + code + " (see the HCPCS cross-reference)."));
                }
            }
            if (line.units() < 1) {
                findings.add(Finding.error("UNITS_POSITIVE", "Line " + line.lineNumber() + " bills " + line.units() + " units.",
                        List.of(code), at, "X12 005010X222A1 SV104", "Bill at least one unit."));
            }
            if (rows.has(CodeSet.MODIFIERS)) {
                for (String modifier : line.modifiers()) {
                    if (MODIFIER.matcher(modifier).matches() && !rows.modifiers().contains(modifier)) {
                        findings.add(Finding.error("MODIFIER_UNKNOWN", "Modifier " + modifier + " on line " + line.lineNumber()
                                + " is not a CPT or HCPCS modifier.", List.of(modifier), at, rows.source(CodeSet.MODIFIERS),
                                "Remove the modifier or replace it with a valid one."));
                    }
                }
            }
        }
        return List.copyOf(findings);
    }
}
