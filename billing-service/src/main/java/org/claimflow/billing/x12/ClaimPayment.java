package org.claimflow.billing.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loop 2100 of an 835: how one claim was adjudicated. CLP01 patient control number (our claim's), CLP02
 * status (1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 19-21 forwarded, 22 reversal), CLP03
 * charge, CLP04 paid, CLP05 patient responsibility (null when absent), CLP06 claim filing indicator, CLP07
 * payer claim control number, CLP08 facility type (place of service), CLP09 frequency. {@code dates} holds
 * the claim DTM segments by qualifier (232 statement from, 233 statement to, 050 received, 036/037
 * coverage). {@code remarkCodes} are the MOA/MIA remark codes. The patient name (NM1*QC) is kept but its
 * {@code toString} is redacted. {@code interestAmount} is the claim's AMT*I (prompt-pay interest on the claim),
 * null when absent: information only, not part of CLP04 or of any balancing; the payer pays it in a PLB L6.
 */
public record ClaimPayment(
        String patientControlNumber,
        String statusCode,
        BigDecimal chargeAmount,
        BigDecimal paidAmount,
        BigDecimal patientResponsibilityAmount,
        String filingIndicatorCode,
        String payerClaimControlNumber,
        String facilityCode,
        String frequencyCode,
        PersonName patientName,
        Map<String, LocalDate> dates,
        List<Adjustment> adjustments,
        List<String> remarkCodes,
        List<ServiceLinePayment> serviceLines,
        BigDecimal interestAmount,
        int segmentPosition) {

    public ClaimPayment {
        dates = Collections.unmodifiableMap(new LinkedHashMap<>(dates));
        adjustments = List.copyOf(adjustments);
        remarkCodes = List.copyOf(remarkCodes);
        serviceLines = List.copyOf(serviceLines);
    }

    /** AMT*I, or zero. */
    public BigDecimal interest() {
        return interestAmount == null ? BigDecimal.ZERO : interestAmount;
    }

    public LocalDate statementFrom() {
        return dates.get("232");
    }

    public LocalDate statementTo() {
        return dates.get("233");
    }

    public LocalDate receivedDate() {
        return dates.get("050");
    }
}
