package org.claimflow.sandbox.adjudication;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule 3: the payer's own coverage policy on which diagnoses support a procedure (like a local coverage
 * determination). A line whose code has a requirement and whose pointed diagnoses match none of its
 * ICD-10-CM prefixes is denied CO-11, "the diagnosis is inconsistent with the procedure". This is a payer
 * rule, not a public CMS edit, so coding-service cannot catch it before submission: the denial goes to the
 * coding queue, and a corrected pointer on a replacement claim (frequency 7) is paid.
 */
public final class DiagnosisSupportPolicy {

    /** Procedure code → ICD-10-CM prefixes without the dot ("I" = the whole circulatory chapter). */
    private final Map<String, List<String>> requirements;

    public DiagnosisSupportPolicy(Map<String, List<String>> requirements) {
        this.requirements = Map.copyOf(requirements);
    }

    public Optional<String> denialReason(ServiceLine line) {
        List<String> prefixes = requirements.get(line.procedureCode());
        if (prefixes == null) {
            return Optional.empty();
        }
        boolean supported = line.diagnoses().stream()
                .map(code -> code.replace(".", ""))
                .anyMatch(code -> prefixes.stream().anyMatch(code::startsWith));
        return supported ? Optional.empty() : Optional.of(Adjustment.DIAGNOSIS_INCONSISTENT);
    }
}
