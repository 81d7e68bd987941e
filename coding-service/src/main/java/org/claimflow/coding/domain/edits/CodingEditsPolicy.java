package org.claimflow.coding.domain.edits;

import java.util.ArrayList;
import java.util.List;

import org.claimflow.coding.domain.CodeFormatPolicy;
import org.claimflow.coding.domain.CodedEncounter;
import org.claimflow.coding.domain.Finding;

/**
 * Every coding edit in one pass: the format checks first; the code-set edits then look only at codes of a
 * valid shape, so one mistake gives one finding.
 */
public final class CodingEditsPolicy {

    private CodingEditsPolicy() {
    }

    public static List<Finding> check(CodedEncounter encounter, CodeSetRows rows, List<Finding> versionWarnings) {
        List<Finding> findings = new ArrayList<>(CodeFormatPolicy.check(encounter));
        findings.addAll(DiagnosisCodePolicy.check(encounter, rows));
        findings.addAll(ReferenceCodePolicy.check(encounter, rows));
        findings.addAll(NcciPtpPolicy.check(encounter, rows));
        findings.addAll(MuePolicy.check(encounter, rows));
        findings.addAll(AddOnCodePolicy.check(encounter, rows));
        findings.addAll(versionWarnings);
        return List.copyOf(findings);
    }
}
