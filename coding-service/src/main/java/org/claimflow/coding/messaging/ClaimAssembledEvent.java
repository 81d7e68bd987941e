package org.claimflow.coding.messaging;

import java.util.UUID;

/** What coding-service reads of billing's {@code claims.claim-assembled.v1}: which claim an encounter became. */
public record ClaimAssembledEvent(UUID claimId, UUID encounterId) {
}
