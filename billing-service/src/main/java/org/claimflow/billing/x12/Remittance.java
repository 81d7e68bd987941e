package org.claimflow.billing.x12;

import java.time.LocalDate;
import java.util.List;

/**
 * One 835 transaction set (005010X221A1): the payment (BPR), its trace (TRN02 check/EFT number, TRN03
 * originating company id), the payer (N1*PR; id from REF*2U, else N104), the payee (N1*PE with its id
 * qualifier, XX for an NPI), the claims paid and the provider-level adjustments (PLB).
 */
public record Remittance(
        String interchangeControlNumber,
        String senderId,
        String receiverId,
        String transactionControlNumber,
        RemittancePayment payment,
        String traceNumber,
        String originatingCompanyId,
        LocalDate productionDate,
        String payerName,
        String payerId,
        String payeeName,
        String payeeIdQualifier,
        String payeeId,
        List<ClaimPayment> claims,
        List<ProviderAdjustment> providerAdjustments) {

    public Remittance {
        claims = List.copyOf(claims);
        providerAdjustments = List.copyOf(providerAdjustments);
    }

    /** The payee's NPI when N1*PE identifies it by NPI (N103 = XX), else null. */
    public String payeeNpi() {
        return "XX".equals(payeeIdQualifier) ? payeeId : null;
    }
}
