package org.claimflow.billing.x12;

/**
 * Loop 2010AA: the billing provider (an organization), its NPI, its EIN (REF*EI, nine digits) and address;
 * {@code taxonomyCode} (PRV*BI*PXC in 2000A) may be null.
 */
public record BillingProvider(String organizationName, String npi, String taxId, Address address, String taxonomyCode) {
}
