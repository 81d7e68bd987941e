package org.claimflow.billing.x12;

/**
 * Loop 2310B: the person who rendered the service, when not the billing provider; {@code taxonomyCode}
 * (PRV*PE*PXC) may be null.
 */
public record RenderingProvider(PersonName name, String npi, String taxonomyCode) {
}
