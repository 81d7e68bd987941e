package org.claimflow.billing.x12;

/**
 * Loop 2010BB: the payer (name, payer id as NM1*PR…PI) and the claim filing indicator (SBR09: CI commercial,
 * MB Medicare Part B, MC Medicaid, BL Blue Cross/Blue Shield, HM HMO, ...).
 */
public record Payer(String name, String payerId, String claimFilingIndicatorCode) {
}
