package org.claimflow.sandbox.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.claimflow.sandbox.adjudication.Adjustment;
import org.claimflow.sandbox.adjudication.AdjustmentGroup;
import org.claimflow.sandbox.adjudication.ClaimAdjudication;
import org.claimflow.sandbox.adjudication.ClaimStatus;
import org.claimflow.sandbox.adjudication.LineAdjudication;
import org.claimflow.sandbox.adjudication.Money;
import org.claimflow.sandbox.adjudication.ServiceLine;
import org.claimflow.sandbox.seed.Payer;

/**
 * Writes an 835 remittance (005010X221A1): one transaction set per payer and payee (billing provider).
 * Adjustments are at line level. Every set balances: per line SVC02 − CAS = SVC03, per claim
 * CLP03 − CAS = CLP04, and BPR02 = ΣCLP04 − ΣPLB. A net negative total (a reversal alone) is carried as
 * a PLB forwarding balance (FB) and the BPR is a zero notification (H).
 */
public final class Remittance835Writer {

    public static final String VERSION = "005010X221A1";
    private static final String SANDBOX_BANK = "999999999";

    public String write(Interchange in, FunctionalGroup originalGroup, Map<Payer, List<RemittanceEntry>> byPayer,
            long controlNumber, Supplier<String> traceNumbers, LocalDateTime now) {
        X12Writer out = new X12Writer(in.receiverQualifier(), in.receiverId(), in.senderQualifier(), in.senderId(),
                controlNumber, in.isTest(), now);
        X12Writer.Group group = out.group("HP", originalGroup.applicationReceiver(), originalGroup.applicationSender(), VERSION);
        for (Map.Entry<Payer, List<RemittanceEntry>> payer : byPayer.entrySet()) {
            for (List<RemittanceEntry> entries : byPayee(payer.getValue()).values()) {
                writeTransaction(group.transaction("835", null), payer.getKey(), entries, traceNumbers.get(), now.toLocalDate());
            }
        }
        return out.build();
    }

    private static void writeTransaction(X12Writer.Transaction t, Payer payer, List<RemittanceEntry> entries,
            String traceNumber, LocalDate today) {
        BigDecimal claimsPaid = Money.sum(entries, e -> e.adjudication().paid());
        BigDecimal forwardingBalance = claimsPaid.signum() < 0 ? claimsPaid : Money.ZERO;
        BigDecimal payment = claimsPaid.subtract(forwardingBalance);
        String date = X12Values.d8(today);
        String payerTrn = "1" + payer.taxId();
        if (payment.signum() > 0) {
            t.add("BPR", "I", X12Values.amount(payment), "C", "ACH", "CCP", "01", SANDBOX_BANK, "DA", "SANDBOXPAYER01",
                    payerTrn, null, "01", SANDBOX_BANK, "DA", "SANDBOXPAYEE01", date);
        } else {
            t.add("BPR", "H", X12Values.amount(payment), "C", "NON", null, null, null, null, null, null, null, null, null,
                    null, null, date);
        }
        t.add("TRN", "1", traceNumber, payerTrn);
        t.add("DTM", "405", date);
        t.add("N1", "PR", payer.name().toUpperCase());
        t.add("N3", payer.address().line());
        t.add("N4", payer.address().city(), payer.address().state(), payer.address().postalCode());
        t.add("REF", "2U", payer.payerId());
        t.add("PER", "BL", "SANDBOX PAYER SUPPORT", "EM", "sandbox@claimflow.invalid");
        SubmittedClaim first = entries.get(0).submitted();
        Party payee = first.billingProvider();
        t.add("N1", "PE", payee.name(), "XX", payee.id());
        if (!first.billingProviderTaxId().isEmpty()) {
            t.add("REF", "TJ", first.billingProviderTaxId());
        }
        t.add("LX", "1");
        for (RemittanceEntry entry : entries) {
            writeClaim(t, payer, entry);
        }
        if (forwardingBalance.signum() != 0) {
            String reversed = entries.stream().map(RemittanceEntry::adjudication)
                    .filter(a -> a.status() == ClaimStatus.REVERSAL).map(ClaimAdjudication::payerClaimControlNumber)
                    .findFirst().orElse("");
            t.add("PLB", payee.id(), X12Values.d8(LocalDate.of(today.getYear(), 12, 31)),
                    new String[] {"FB", reversed}, X12Values.amount(forwardingBalance));
        }
    }

    private static void writeClaim(X12Writer.Transaction t, Payer payer, RemittanceEntry entry) {
        ClaimAdjudication adjudication = entry.adjudication();
        Party patient = entry.submitted().patient();
        t.add("CLP", adjudication.claim().patientControlNumber(), adjudication.status().code(),
                X12Values.amount(adjudication.charge()), X12Values.amount(adjudication.paid()),
                X12Values.amount(adjudication.patientResponsibility()), payer.claimFilingIndicator(),
                adjudication.payerClaimControlNumber(), adjudication.claim().placeOfService(),
                adjudication.claim().frequencyCode());
        t.add("NM1", "QC", "1", patient.name(), patient.firstName(), null, null, null, "MI", adjudication.claim().memberId());
        List<ServiceLine> lines = adjudication.lines().stream().map(LineAdjudication::line).toList();
        t.add("DTM", "232", X12Values.d8(lines.stream().map(ServiceLine::serviceDate).min(LocalDate::compareTo).orElseThrow()));
        t.add("DTM", "233", X12Values.d8(lines.stream().map(ServiceLine::serviceDateEnd).max(LocalDate::compareTo).orElseThrow()));
        for (LineAdjudication line : adjudication.lines()) {
            writeLine(t, line);
        }
    }

    private static void writeLine(X12Writer.Transaction t, LineAdjudication adjudicated) {
        ServiceLine line = adjudicated.line();
        List<String> procedure = new ArrayList<>(List.of("HC", line.procedureCode()));
        procedure.addAll(line.modifiers());
        t.add("SVC", procedure.toArray(String[]::new), X12Values.amount(adjudicated.charge()),
                X12Values.amount(adjudicated.paid()), null, X12Values.quantity(line.units()));
        t.add("DTM", "472", X12Values.d8(line.serviceDate()));
        for (AdjustmentGroup group : AdjustmentGroup.values()) {
            List<Adjustment> inGroup = adjudicated.adjustments().stream().filter(a -> a.group() == group).toList();
            if (!inGroup.isEmpty()) {
                List<String> cas = new ArrayList<>(List.of(group.name()));
                for (Adjustment adjustment : inGroup) {
                    cas.add(adjustment.reasonCode());
                    cas.add(X12Values.amount(adjustment.amount()));
                    cas.add(null);
                }
                t.add("CAS", cas.toArray());
            }
        }
        if (line.lineItemControlNumber() != null && !line.lineItemControlNumber().isEmpty()) {
            t.add("REF", "6R", line.lineItemControlNumber());
        }
        t.add("AMT", "B6", X12Values.amount(adjudicated.allowed()));
    }

    private static Map<String, List<RemittanceEntry>> byPayee(List<RemittanceEntry> entries) {
        Map<String, List<RemittanceEntry>> groups = new LinkedHashMap<>();
        for (RemittanceEntry entry : entries) {
            groups.computeIfAbsent(entry.submitted().billingProvider().id(), k -> new ArrayList<>()).add(entry);
        }
        return groups;
    }
}
