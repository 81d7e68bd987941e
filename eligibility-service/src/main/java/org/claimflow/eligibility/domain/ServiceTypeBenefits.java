package org.claimflow.eligibility.domain;

/** What the payer said about one service type asked for (EQ01), in and out of the plan's network. */
public record ServiceTypeBenefits(String serviceTypeCode, NetworkBenefits inNetwork, NetworkBenefits outOfNetwork) {
}
