package org.claimflow.billing.x12;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What one 837P file carries: the trading partners (ISA/GS and loops 1000A/1000B), the submitter's contact,
 * the control numbers (owned by the caller), test or production, the creation time (ISA09/10, GS04/05,
 * BHT04/05), the BHT03 reference of this batch and its claims (one transaction set).
 */
public record ClaimBatch(
        TradingPartner submitter,
        TradingPartner receiver,
        SubmitterContact submitterContact,
        ControlNumbers controlNumbers,
        UsageIndicator usageIndicator,
        LocalDateTime createdAt,
        String referenceId,
        List<ProfessionalClaim> claims) {

    public ClaimBatch {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }
}
