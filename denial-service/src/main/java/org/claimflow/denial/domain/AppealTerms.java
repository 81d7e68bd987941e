package org.claimflow.denial.domain;

/**
 * A payer's appeal and filing windows (table {@code payer_appeal_policy}).
 *
 * @param receiptPresumptionDays days after the remittance date at which the provider is presumed to have
 *                               received it (Medicare: 5); the appeal window counts from then
 */
public record AppealTerms(String payerId, PayerKind kind, int appealWindowDays, int receiptPresumptionDays,
                          int timelyFilingDays) {

    /** For payers with no row of their own and no default row: a commercial contract's common 180 days. */
    public static final AppealTerms FALLBACK = new AppealTerms("*", PayerKind.COMMERCIAL, 180, 0, 180);
}
