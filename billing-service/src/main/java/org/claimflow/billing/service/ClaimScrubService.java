package org.claimflow.billing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.claimflow.billing.config.SubmissionConfig;
import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.domain.ClaimEvent;
import org.claimflow.billing.domain.ClaimLine;
import org.claimflow.billing.domain.ClaimScrubPolicy;
import org.claimflow.billing.domain.ClaimStatus;
import org.claimflow.billing.domain.ScrubFinding;
import org.claimflow.billing.domain.StoredScrubFinding;
import org.claimflow.billing.metrics.BillingMetrics;
import org.claimflow.billing.metrics.CommittedCounters;
import org.claimflow.billing.rest.ClaimDataCorrectionRequest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The claim scrubber around {@link ClaimScrubPolicy}: run on every claim about to be batched for submission
 * (a held claim becomes SCRUB_HOLD with its findings), and again when a biller corrects a claim held at the
 * front door, by our scrubber (SCRUB_HOLD) or by the clearinghouse or payer (REJECTED by a 999 / 277CA, or
 * SUBMISSION_FAILED by our 837 writer): one way to fix and resubmit them all.
 */
@ApplicationScoped
public class ClaimScrubService {

    /** The front-door holds a data correction releases. */
    static final Set<ClaimStatus> CORRECTABLE = EnumSet.of(ClaimStatus.SCRUB_HOLD, ClaimStatus.REJECTED, ClaimStatus.SUBMISSION_FAILED);

    private final Clock clock;
    private final SubmissionConfig config;
    private final CommittedCounters metrics;
    private final BillingMetrics billingMetrics;

    public ClaimScrubService(Clock clock, SubmissionConfig config, CommittedCounters metrics, BillingMetrics billingMetrics) {
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
        this.billingMetrics = billingMetrics;
    }

    /** In the batching transaction: checks the claim and keeps the findings; true (and SCRUB_HOLD) when it must not go out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holds(Claim claim, List<ClaimLine> lines, Instant now) {
        List<ScrubFinding> findings = check(claim, lines, now);
        if (!ClaimScrubPolicy.holds(findings)) {
            return false;
        }
        hold(claim, findings, now, "Held by the claim scrubber before submission");
        return true;
    }

    /**
     * Applies a biller's corrections to a claim held at the front door and checks it again: clean, it is
     * READY_TO_SUBMIT (resent as an original claim with the same patient control number: the payer never took
     * it in); still wrong, it is SCRUB_HOLD with the new findings.
     *
     * @throws NotFoundException no such claim
     * @throws ConflictException the claim is not held at the front door
     */
    @Transactional
    public void correct(UUID claimId, ClaimDataCorrectionRequest request) {
        Claim claim = Claim.findById(claimId);
        if (claim == null) {
            throw new NotFoundException("No claim with this id.");
        }
        if (!CORRECTABLE.contains(claim.status)) {
            throw new ConflictException("Only a claim held at the front door (" + CORRECTABLE.stream().map(Enum::name)
                    .collect(Collectors.joining(", ")) + ") takes data corrections; this claim is " + claim.status + ".");
        }
        Instant now = clock.instant();
        ClaimStatus before = claim.status;
        List<String> changed = apply(claim, request);
        claim.updatedAt = now;
        // Field names only: the values are patient data.
        ClaimEvent.record(claim.id, now, "DATA_CORRECTED", "Data corrected while %s: %s.".formatted(before, String.join(", ", changed)));
        List<ScrubFinding> findings = check(claim, ClaimLine.of(claim.id), now);
        if (ClaimScrubPolicy.holds(findings)) {
            hold(claim, findings, now, "Still held by the claim scrubber after the correction");
            return;
        }
        claim.status = ClaimStatus.READY_TO_SUBMIT;
        ClaimEvent.record(claim.id, now, "RESUBMISSION_READY",
                "The claim scrubber finds nothing that holds it; ready to submit again (an original claim, same patient control number).");
        metrics.increment("claimflow.claims.scrub", "result", "released");
    }

    private List<ScrubFinding> check(Claim claim, List<ClaimLine> lines, Instant now) {
        List<ScrubFinding> findings = ClaimScrubPolicy.check(claim, lines, LocalDate.ofInstant(now, ZoneOffset.UTC),
                timelyFilingDays(claim.payerId));
        StoredScrubFinding.replace(claim.id, findings, now);
        return findings;
    }

    private void hold(Claim claim, List<ScrubFinding> findings, Instant now, String why) {
        claim.status = ClaimStatus.SCRUB_HOLD;
        claim.updatedAt = now;
        ClaimEvent.record(claim.id, now, "SCRUB_HOLD", "%s: %s. Correct the data (POST /api/v1/claims/%s/data-corrections) to resubmit it."
                .formatted(why, findings.stream().filter(ScrubFinding::holds).map(f -> f.ruleId() + " (" + f.field() + ")")
                        .collect(Collectors.joining(", ")), claim.id));
        metrics.increment("claimflow.claims.scrub", "result", "held");
        billingMetrics.scrubHold(findings);
    }

    int timelyFilingDays(String payerId) {
        return config.timelyFilingDaysByPayer().getOrDefault(payerId, config.timelyFilingDays());
    }

    /** Sets the fields the request names; returns their names. */
    private static List<String> apply(Claim claim, ClaimDataCorrectionRequest r) {
        List<String> changed = new ArrayList<>();
        if (r.memberId() != null) {
            claim.memberId = r.memberId();
            changed.add("memberId");
        }
        var p = r.patient();
        if (p != null) {
            if (p.firstName() != null) {
                claim.patientFirstName = p.firstName();
                changed.add("patient.firstName");
            }
            if (p.lastName() != null) {
                claim.patientLastName = p.lastName();
                changed.add("patient.lastName");
            }
            if (p.dateOfBirth() != null) {
                claim.patientDateOfBirth = p.dateOfBirth();
                changed.add("patient.dateOfBirth");
            }
            if (p.address() != null) {
                var a = p.address();
                claim.patientLine1 = a.line1();
                claim.patientLine2 = a.line2();
                claim.patientCity = a.city();
                claim.patientState = a.state();
                claim.patientPostalCode = a.postalCode();
                changed.add("patient.address");
            }
        }
        var b = r.billingProvider();
        if (b != null) {
            if (b.taxId() != null) {
                claim.billingTaxId = b.taxId();
                changed.add("billingProvider.taxId");
            }
            if (b.name() != null) {
                claim.billingName = b.name();
                changed.add("billingProvider.name");
            }
            if (b.address() != null) {
                var a = b.address();
                claim.billingLine1 = a.line1();
                claim.billingLine2 = a.line2();
                claim.billingCity = a.city();
                claim.billingState = a.state();
                claim.billingPostalCode = a.postalCode();
                changed.add("billingProvider.address");
            }
        }
        return changed;
    }
}
