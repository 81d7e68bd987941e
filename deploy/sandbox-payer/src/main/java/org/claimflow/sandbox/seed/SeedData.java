package org.claimflow.sandbox.seed;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The content of {@code seed.json}. */
public record SeedData(List<Payer> payers, List<Member> members, Set<String> officeVisitCodes,
        Map<String, BigDecimal> feeSchedule, BigDecimal unlistedCodeAllowedShare, Set<String> nonCoveredCodes,
        Set<String> priorAuthorizationCodes, Map<String, List<String>> diagnosisRequirements) {

    public SeedData {
        payers = List.copyOf(payers);
        members = List.copyOf(members);
        officeVisitCodes = Set.copyOf(officeVisitCodes);
        feeSchedule = Map.copyOf(feeSchedule);
        nonCoveredCodes = Set.copyOf(nonCoveredCodes);
        priorAuthorizationCodes = Set.copyOf(priorAuthorizationCodes);
        diagnosisRequirements = diagnosisRequirements == null ? Map.of() : Map.copyOf(diagnosisRequirements);
    }
}
