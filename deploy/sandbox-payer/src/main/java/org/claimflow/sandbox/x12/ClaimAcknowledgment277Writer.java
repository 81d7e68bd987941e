package org.claimflow.sandbox.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimflow.sandbox.acceptance.Rejection;
import org.claimflow.sandbox.adjudication.Claim;
import org.claimflow.sandbox.adjudication.Money;
import org.claimflow.sandbox.adjudication.ServiceLine;

/**
 * Writes a 277CA claim acknowledgment (005010X214): one transaction set per accepted 837 transaction set,
 * one claim-level STC per claim: A1:20 accepted, or A3:&lt;status&gt; rejected with the reason in STC12.
 */
public final class ClaimAcknowledgment277Writer {

    public static final String VERSION = "005010X214";

    private final String clearinghouseName;
    private final String clearinghouseId;

    public ClaimAcknowledgment277Writer(String clearinghouseName, String clearinghouseId) {
        this.clearinghouseName = clearinghouseName;
        this.clearinghouseId = clearinghouseId;
    }

    /** @param transactions the acknowledgments of each 837 transaction set, in file order */
    public String write(Interchange in, FunctionalGroup originalGroup, List<List<ClaimAcknowledgment>> transactions,
            long controlNumber, LocalDateTime now) {
        X12Writer out = new X12Writer(in.receiverQualifier(), in.receiverId(), in.senderQualifier(), in.senderId(),
                controlNumber, in.isTest(), now);
        X12Writer.Group group = out.group("HN", originalGroup.applicationReceiver(), originalGroup.applicationSender(), VERSION);
        String today = X12Values.d8(now.toLocalDate());
        for (List<ClaimAcknowledgment> claims : transactions) {
            if (claims.isEmpty()) {
                continue;
            }
            X12Writer.Transaction t = group.transaction("277", VERSION);
            String batch = out.controlNumber() + t.controlNumber();
            t.add("BHT", "0085", "08", batch, today, X12Values.hhmm(now), "TH");
            t.add("HL", "1", null, "20", "1");
            t.add("NM1", "PR", "2", clearinghouseName, null, null, null, null, "46", clearinghouseId);
            t.add("TRN", "1", batch);
            t.add("DTP", "050", "D8", today);
            t.add("DTP", "009", "D8", today);
            t.add("HL", "2", "1", "21", "1");
            Party submitter = claims.get(0).submitted().submitter();
            t.add("NM1", "41", "2", submitter.name(), null, null, null, null, "46", submitter.id());
            t.add("TRN", "2", claims.get(0).submitted().batchReference());
            t.add("STC", new String[] {"A1", "20"}, today, "WQ", X12Values.amount(total(claims)));
            counts(t, claims, "90", "AA");
            int hl = 2;
            for (Map.Entry<String, List<ClaimAcknowledgment>> provider : byBillingProvider(claims).entrySet()) {
                int providerHl = ++hl;
                Party billing = provider.getValue().get(0).submitted().billingProvider();
                t.add("HL", Integer.toString(providerHl), "2", "19", "1");
                t.add("NM1", "85", "2", billing.name(), billing.firstName(), null, null, null,
                        billing.id().isEmpty() ? null : "XX", billing.id());
                t.add("TRN", "1", batch + providerHl);
                counts(t, provider.getValue(), "QA", "QC");
                for (ClaimAcknowledgment ack : provider.getValue()) {
                    t.add("HL", Integer.toString(++hl), Integer.toString(providerHl), "PT");
                    writeClaim(t, ack, today);
                }
            }
        }
        return out.build();
    }

    private static void writeClaim(X12Writer.Transaction t, ClaimAcknowledgment ack, String today) {
        Claim claim = ack.submitted().claim();
        Party patient = ack.submitted().patient();
        t.add("NM1", "QC", "1", patient.name(), patient.firstName(), null, null, null,
                claim.memberId().isEmpty() ? null : "MI", claim.memberId());
        t.add("TRN", "2", claim.patientControlNumber());
        String charge = X12Values.amount(charge(claim));
        if (ack.isAccepted()) {
            t.add("STC", new String[] {"A1", "20"}, today, "WQ", charge);
            t.add("REF", "1K", ack.payerClaimControlNumber());
        } else {
            Rejection rejection = ack.rejection().orElseThrow();
            t.add("STC", new String[] {Rejection.CATEGORY, rejection.statusCode(), rejection.entityCode()}, today, "U",
                    charge, null, null, null, null, null, null, null, rejection.message());
        }
        if (!claim.lines().isEmpty()) {
            LocalDate from = claim.lines().stream().map(ServiceLine::serviceDate).min(LocalDate::compareTo).orElseThrow();
            LocalDate to = claim.lines().stream().map(ServiceLine::serviceDateEnd).max(LocalDate::compareTo).orElseThrow();
            if (from.equals(to)) {
                t.add("DTP", "472", "D8", X12Values.d8(from));
            } else {
                t.add("DTP", "472", "RD8", X12Values.d8(from) + "-" + X12Values.d8(to));
            }
        }
    }

    private static void counts(X12Writer.Transaction t, List<ClaimAcknowledgment> claims, String acceptedQty,
            String rejectedQty) {
        List<ClaimAcknowledgment> accepted = claims.stream().filter(ClaimAcknowledgment::isAccepted).toList();
        List<ClaimAcknowledgment> rejected = claims.stream().filter(c -> !c.isAccepted()).toList();
        if (!accepted.isEmpty()) {
            t.add("QTY", acceptedQty, Integer.toString(accepted.size()));
        }
        if (!rejected.isEmpty()) {
            t.add("QTY", rejectedQty, Integer.toString(rejected.size()));
        }
        if (!accepted.isEmpty()) {
            t.add("AMT", "YU", X12Values.amount(total(accepted)));
        }
        if (!rejected.isEmpty()) {
            t.add("AMT", "YY", X12Values.amount(total(rejected)));
        }
    }

    private static Map<String, List<ClaimAcknowledgment>> byBillingProvider(List<ClaimAcknowledgment> claims) {
        Map<String, List<ClaimAcknowledgment>> groups = new LinkedHashMap<>();
        for (ClaimAcknowledgment ack : claims) {
            Party p = ack.submitted().billingProvider();
            groups.computeIfAbsent(p.id() + "|" + p.name(), k -> new ArrayList<>()).add(ack);
        }
        return groups;
    }

    private static BigDecimal total(List<ClaimAcknowledgment> claims) {
        return Money.sum(claims, a -> charge(a.submitted().claim()));
    }

    /** The submitted total, or the sum of the lines when CLM02 was unreadable. */
    private static BigDecimal charge(Claim claim) {
        return claim.totalCharge() != null ? claim.totalCharge() : Money.sum(claim.lines(), ServiceLine::charge);
    }
}
