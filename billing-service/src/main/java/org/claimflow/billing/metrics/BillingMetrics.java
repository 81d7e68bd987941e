package org.claimflow.billing.metrics;

import java.math.BigDecimal;
import java.util.List;

import org.claimflow.billing.domain.ClaimStatus;
import org.claimflow.billing.domain.ScrubFinding;
import org.claimflow.billing.x12.ClaimPayment;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The business meters of billing-service, counted when the transaction that did the work commits (see the service
 * README's Metrics table). Tags hold enums, rule ids and payer ids only: never a claim, practice or patient.
 *
 * <p>The money counters are floating-point views for dashboards and rates; the books (claim, payment and ledger
 * rows) stay exact decimals, and reconciliation reads those, never these.
 */
@ApplicationScoped
public class BillingMetrics {

    public static final String CLAIM_TRANSITIONS = "claimflow.claims.transitions";
    public static final String INTERCHANGES_SENT = "claimflow.submissions.interchanges.sent";
    public static final String CLAIMS_SENT = "claimflow.submissions.claims.sent";
    public static final String ACKNOWLEDGMENTS = "claimflow.acknowledgments";
    public static final String SCRUB_FINDINGS = "claimflow.claims.scrub.findings";
    public static final String MONEY_POSTED = "claimflow.remittances.posted.usd";
    public static final String MONEY_REVERSED = "claimflow.remittances.reversed.usd";
    public static final String UNMATCHED_CLAIMS = "claimflow.remittances.unmatched.claims";
    public static final String UNMATCHED_LINES = "claimflow.remittances.unmatched.lines";

    /** The kinds of money a posted claim payment splits into. */
    public enum Money { CHARGED, PAID, ADJUSTED, PATIENT_RESPONSIBILITY }

    /** The acknowledgments a payer or clearinghouse sends back: the 999 per interchange, the 277CA per claim. */
    public enum Acknowledgment {
        FUNCTIONAL("999"), CLAIM("277CA");

        private final String type;

        Acknowledgment(String type) {
            this.type = type;
        }
    }

    private final CommittedCounters counters;

    public BillingMetrics(CommittedCounters counters) {
        this.counters = counters;
    }

    /** Every series with a fixed set of tag values starts at 0, so rates and dashboards have it from the start. */
    void register(@Observes StartupEvent started, MeterRegistry registry) {
        for (ClaimStatus status : ClaimStatus.values()) {
            registry.counter(CLAIM_TRANSITIONS, "to_status", status.name());
        }
        for (Acknowledgment ack : Acknowledgment.values()) {
            for (String outcome : List.of("ACCEPTED", "REJECTED")) {
                registry.counter(ACKNOWLEDGMENTS, "type", ack.type, "outcome", outcome);
            }
        }
        registry.counter(UNMATCHED_CLAIMS);
        registry.counter(UNMATCHED_LINES);
    }

    /** A claim was stored with, or moved to, this status. */
    public void claimStatus(ClaimStatus to) {
        counters.increment(CLAIM_TRANSITIONS, "to_status", to.name());
    }

    /** The clearinghouse took an 837P interchange holding {@code claims} claims for this payer. */
    public void interchangeSent(String payerId, int claims) {
        counters.increment(INTERCHANGES_SENT, "payer", payerId);
        counters.add(CLAIMS_SENT, claims, "payer", payerId);
    }

    /** One 999 (per interchange) or 277CA (per claim) acknowledgment and what it said. */
    public void acknowledged(Acknowledgment ack, String outcome) {
        counters.increment(ACKNOWLEDGMENTS, "type", ack.type, "outcome", outcome);
    }

    /** The scrubber held a claim: one count per finding that holds it, by rule. */
    public void scrubHold(List<ScrubFinding> findings) {
        for (ScrubFinding finding : findings) {
            if (finding.severity() == ScrubFinding.Severity.ERROR) {
                counters.increment(SCRUB_FINDINGS, "rule", finding.ruleId());
            }
        }
    }

    /**
     * A claim payment of an 835 posted to its claim. Charge and paid are the payer's CLP03/CLP04 (the claim's AMT*I
     * interest is no part of CLP04); adjusted is every adjustment but the patient's (PR). Negative amounts (a reversal
     * taking a payment back) count in the reversed counter, as positive numbers: a counter only grows.
     */
    public void claimPaymentPosted(String payerId, ClaimPayment payment, BigDecimal adjusted, BigDecimal patientShare,
                                   int unmatchedLines) {
        money(payerId, Money.CHARGED, payment.chargeAmount());
        money(payerId, Money.PAID, payment.paidAmount());
        money(payerId, Money.ADJUSTED, adjusted);
        money(payerId, Money.PATIENT_RESPONSIBILITY, patientShare);
        if (unmatchedLines > 0) {
            counters.add(UNMATCHED_LINES, unmatchedLines);
        }
    }

    /** Claim payments of an 835 that named no claim of ours (kept as unmatched remittance rows). */
    public void unmatchedClaimPayments(int count) {
        if (count > 0) {
            counters.add(UNMATCHED_CLAIMS, count);
        }
    }

    private void money(String payerId, Money kind, BigDecimal amount) {
        if (amount == null || amount.signum() == 0) {
            return;
        }
        String meter = amount.signum() > 0 ? MONEY_POSTED : MONEY_REVERSED;
        counters.add(meter, amount.abs().doubleValue(), "payer", payerId, "kind", kind.name());
    }
}
