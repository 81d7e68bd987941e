package org.claimflow.billing.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.claimflow.billing.domain.RemittanceStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One 835 transaction set as stored: posted, or refused with the problems that refused it. {@code warnings} (POSTED
 * only, empty when none): what is wrong with a file that balances and was posted anyway, e.g. PLB L6 interest that
 * is not the claims' AMT*I interest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RemittanceView(UUID id, RemittanceStatus status, String payerId, String traceNumber, BigDecimal paymentAmount,
                             String paymentMethod, LocalDate paymentDate, int claimsPosted, int unmatched, List<String> problems,
                             List<String> warnings, List<UUID> claimIds, Instant receivedAt, BigDecimal claimsPaid,
                             List<ProviderAdjustment> providerAdjustments, BigDecimal providerAdjustmentTotal) {

    /** One PLB adjustment: positive reduced the payment (WO recovery, FB forward balance), negative added to it (L6 interest). */
    public record ProviderAdjustment(String providerId, LocalDate fiscalPeriodDate, String reasonCode, String referenceId,
                                     BigDecimal amount) {
    }
}
