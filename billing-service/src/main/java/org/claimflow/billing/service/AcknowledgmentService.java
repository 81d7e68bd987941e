package org.claimflow.billing.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.domain.ClaimEvent;
import org.claimflow.billing.domain.ClaimStatus;
import org.claimflow.billing.domain.Submission;
import org.claimflow.billing.metrics.BillingMetrics;
import org.claimflow.billing.x12.AcknowledgmentReader;
import org.claimflow.billing.x12.ClaimAcknowledgment;
import org.claimflow.billing.x12.FunctionalAcknowledgment;
import org.claimflow.billing.x12.X12ParseException;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Applies what the clearinghouse and the payer acknowledged: 999 files (file drop) and 277CA. */
@ApplicationScoped
public class AcknowledgmentService {

    private static final Logger LOG = Logger.getLogger(AcknowledgmentService.class);

    private final SubmissionService submissions;
    private final Clock clock;
    private final BillingMetrics billingMetrics;

    public AcknowledgmentService(SubmissionService submissions, Clock clock, BillingMetrics billingMetrics) {
        this.submissions = submissions;
        this.clock = clock;
        this.billingMetrics = billingMetrics;
    }

    /**
     * 277CA: each claim ACCEPTED into adjudication, or REJECTED at the front door (history names the STC codes).
     * A claim already adjudicated keeps its status; the acknowledgment still goes into its history.
     *
     * @throws InvalidX12Exception when the file is not a readable 277
     */
    @Transactional
    public int apply277(String x12) {
        List<ClaimAcknowledgment> acks;
        try {
            acks = AcknowledgmentReader.read277CA(x12.getBytes(StandardCharsets.UTF_8)).documents();
        } catch (X12ParseException e) {
            throw new InvalidX12Exception(e.getMessage());
        }
        Instant now = clock.instant();
        int applied = 0;
        for (ClaimAcknowledgment ack : acks) {
            Claim claim = ack.patientControlNumber() == null ? null : Claim.findByPatientControlNumber(ack.patientControlNumber());
            if (claim == null) {
                LOG.warnf("277CA transaction %s names a claim we do not have (TRN at segment %d)",
                        ack.transactionControlNumber(), ack.segmentPosition());
                continue;
            }
            applied++;
            String codes = ack.statuses().stream()
                    .map(s -> join(s.categoryCode(), s.statusCode(), s.entityCode())
                            + (s.freeText() == null ? "" : " \"" + s.freeText() + "\""))
                    .collect(Collectors.joining(", "));
            boolean waiting = claim.status == ClaimStatus.SUBMITTING || claim.status == ClaimStatus.SUBMITTED;
            switch (ack.outcome()) {
                case ACCEPTED -> {
                    if (waiting) {
                        claim.status = ClaimStatus.ACCEPTED;
                    }
                    if (ack.payerClaimControlNumber() != null && claim.payerClaimControlNumber == null) {
                        claim.payerClaimControlNumber = ack.payerClaimControlNumber();
                    }
                    ClaimEvent.record(claim.id, now, "ACCEPTED", "Accepted by the payer (277CA)"
                            + (ack.payerClaimControlNumber() == null ? "" : " as " + ack.payerClaimControlNumber())
                            + (codes.isEmpty() ? "" : ": " + codes) + ".");
                }
                case REJECTED -> {
                    if (waiting || claim.status == ClaimStatus.ACCEPTED) {
                        claim.status = ClaimStatus.REJECTED;
                    }
                    ClaimEvent.record(claim.id, now, "REJECTED", "Rejected by the payer (277CA): " + codes
                            + ". Not a denial: correct and resubmit.");
                }
                case UNDETERMINED -> ClaimEvent.record(claim.id, now, "ACKNOWLEDGED", "277CA without a decision"
                        + (codes.isEmpty() ? "" : ": " + codes) + ".");
            }
            claim.updatedAt = now;
            billingMetrics.acknowledged(BillingMetrics.Acknowledgment.CLAIM, ack.outcome().name());
        }
        return applied;
    }

    /** A 999 that came back as a file (file drop): applied to the interchange whose GS06 it answers. */
    @Transactional
    public int apply999(String x12) {
        List<FunctionalAcknowledgment> acks;
        try {
            acks = AcknowledgmentReader.read999(x12.getBytes(StandardCharsets.UTF_8)).documents();
        } catch (X12ParseException e) {
            throw new InvalidX12Exception(e.getMessage());
        }
        int applied = 0;
        for (FunctionalAcknowledgment ack : acks) {
            Submission submission = Submission.find("groupControlNumber = ?1 order by createdAt desc",
                    ack.acknowledgedGroupControlNumber()).firstResult();
            if (submission == null || submission.acknowledgment != null) {
                continue;
            }
            submissions.applyAcknowledgment(submission, x12);
            applied++;
        }
        return applied;
    }

    private static String join(String category, String status, String entity) {
        StringBuilder out = new StringBuilder(category == null ? "" : category);
        if (status != null) {
            out.append(':').append(status);
        }
        if (entity != null) {
            out.append(':').append(entity);
        }
        return out.toString();
    }
}
