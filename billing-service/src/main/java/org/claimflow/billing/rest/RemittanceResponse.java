package org.claimflow.billing.rest;

import java.util.List;
import java.util.UUID;

import org.claimflow.billing.domain.RemittanceStatus;

/**
 * The outcome of posting an 835. {@code remittanceId} is the first (usually only) transaction set of the
 * file; {@code duplicate} says the file was posted before and nothing was posted this time.
 */
public record RemittanceResponse(UUID remittanceId, List<UUID> remittanceIds, RemittanceStatus status, List<String> traceNumbers,
                                 int claimsPosted, int unmatched, boolean duplicate) {
}
