package org.claimflow.billing.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.claimflow.billing.config.SubmissionConfig;
import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.domain.ClaimEvent;
import org.claimflow.billing.domain.ClaimLine;
import org.claimflow.billing.domain.ClaimStatus;
import org.claimflow.billing.domain.Submission;
import org.claimflow.billing.domain.SubmissionStatus;
import org.claimflow.billing.messaging.ClaimSubmittedEvent;
import org.claimflow.billing.messaging.Topics;
import org.claimflow.billing.metrics.BillingMetrics;
import org.claimflow.billing.metrics.CommittedCounters;
import org.claimflow.billing.outbox.OutboxWriter;
import org.claimflow.billing.x12.AcknowledgmentReader;
import org.claimflow.billing.x12.ClaimBatch;
import org.claimflow.billing.x12.ClaimFile;
import org.claimflow.billing.x12.ControlNumbers;
import org.claimflow.billing.x12.FunctionalAcknowledgment;
import org.claimflow.billing.x12.ProfessionalClaimWriter;
import org.claimflow.billing.x12.SegmentError;
import org.claimflow.billing.x12.TransactionSetAcknowledgment;
import org.claimflow.billing.x12.X12ParseException;
import org.claimflow.billing.x12.X12ValidationException;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Writes ready claims into 837P interchanges and records what the clearinghouse said. The file is written
 * and stored (SENDING) in one transaction with the claims moving to SUBMITTING; it is sent afterwards, so a
 * crash in between re-sends the very same file with the same control numbers, which the clearinghouse
 * recognises. {@link SubmissionJob} drives the steps.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    private final EntityManager em;
    private final ClaimBatchMapper mapper;
    private final ProfessionalClaimWriter writer = new ProfessionalClaimWriter();
    private final OutboxWriter outbox;
    private final SubmissionConfig config;
    private final Clock clock;
    private final CommittedCounters metrics;
    private final BillingMetrics billingMetrics;
    private final ClaimScrubService scrubber;
    private final ClaimTracing tracing;

    public SubmissionService(EntityManager em, ClaimBatchMapper mapper, OutboxWriter outbox, SubmissionConfig config,
                             Clock clock, CommittedCounters metrics, BillingMetrics billingMetrics, ClaimScrubService scrubber,
                             ClaimTracing tracing) {
        this.scrubber = scrubber;
        this.tracing = tracing;
        this.em = em;
        this.mapper = mapper;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.billingMetrics = billingMetrics;
    }

    /** A stored interchange due to be sent. */
    public record Due(UUID submissionId, String interchangeControlNumber, String x12) {
    }

    /**
     * Takes up to a batch of READY_TO_SUBMIT claims (locked, skipping those another replica holds) and writes
     * one interchange per practice and payer.
     *
     * @return how many claims were taken
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public int prepareBatches() {
        List<Claim> ready = em.createNativeQuery("""
                        select * from claim where status = 'READY_TO_SUBMIT'
                        order by created_at, id limit :n for update skip locked""", Claim.class)
                .setParameter("n", config.batchSize())
                .getResultList();
        if (ready.isEmpty()) {
            return 0;
        }
        Map<String, List<Claim>> byPayer = ready.stream().collect(Collectors.groupingBy(
                c -> c.practiceId + "\u0000" + c.payerId, LinkedHashMap::new, Collectors.toList()));
        Instant now = clock.instant();
        for (List<Claim> group : byPayer.values()) {
            List<Claim> writable = new ArrayList<>();
            for (Claim claim : group) {
                // What a payer would reject for missing or malformed data is held here, before it costs a round trip.
                if (scrubber.holds(claim, ClaimLine.of(claim.id), now)) {
                    continue;
                }
                List<String> problems = mapper.problems(claim);
                if (problems.isEmpty()) {
                    writable.add(claim);
                } else {
                    fail(claim, problems);
                }
            }
            if (!writable.isEmpty()) {
                write(writable, true);
            }
        }
        return ready.size();
    }

    private void write(List<Claim> claims, boolean isolateFailures) {
        List<List<ClaimLine>> lines = claims.stream().map(c -> ClaimLine.of(c.id)).toList();
        ControlNumbers numbers = new ControlNumbers(next("interchange_control_seq"), next("group_control_seq"),
                next("transaction_control_seq"));
        Instant now = clock.instant();
        ClaimBatch batch = mapper.batch(numbers, LocalDateTime.ofInstant(now, ZoneOffset.UTC), claims, lines);
        ClaimFile file;
        try {
            file = writer.write(batch);
        } catch (X12ValidationException e) {
            if (isolateFailures && claims.size() > 1) {
                // One bad claim must not hold back the others: write each alone (control numbers may skip).
                claims.forEach(c -> write(List.of(c), false));
            } else {
                claims.forEach(c -> fail(c, e.problems()));
            }
            return;
        }
        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.practiceId = claims.get(0).practiceId;
        submission.payerId = claims.get(0).payerId;
        submission.interchangeControlNumber = numbers.interchangeControlNumber();
        submission.groupControlNumber = numbers.groupControlNumber();
        submission.transactionControlNumber = numbers.transactionControlNumber();
        submission.status = SubmissionStatus.SENDING;
        submission.x12 = file.content();
        submission.claimCount = claims.size();
        submission.attempts = 0;
        submission.nextAttemptAt = now;
        submission.createdAt = now;
        submission.persist();
        for (Claim claim : claims) {
            claim.status = ClaimStatus.SUBMITTING;
            claim.submissionId = submission.id;
            claim.updatedAt = now;
            ClaimEvent.record(claim.id, now, "SUBMITTING", "Written into 837P interchange " + submission.interchangeControlNumber
                    + " with " + (claims.size() - 1) + " other claim(s); sending.");
        }
        metrics.increment("claimflow.submissions.written");
    }

    private void fail(Claim claim, List<String> problems) {
        Instant now = clock.instant();
        claim.status = ClaimStatus.SUBMISSION_FAILED;
        claim.updatedAt = now;
        ClaimEvent.record(claim.id, now, "SUBMISSION_FAILED", "The 837P could not be written: " + String.join("; ", problems));
        metrics.increment("claimflow.claims.submission_failed");
    }

    private long next(String sequence) {
        return ((Number) em.createNativeQuery("select nextval('" + sequence + "')").getSingleResult()).longValue();
    }

    /** Leases the interchanges due to be sent so that another replica does not send them at the same moment. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Due> leaseDue(int max) {
        Instant now = clock.instant();
        List<Submission> due = em.createNativeQuery("""
                        select * from submission where status = 'SENDING' and next_attempt_at <= :now
                        order by created_at limit :n for update skip locked""", Submission.class)
                .setParameter("now", now)
                .setParameter("n", max)
                .getResultList();
        for (Submission s : due) {
            s.attempts++;
            s.nextAttemptAt = now.plus(config.retryDelay());
        }
        return due.stream().map(s -> new Due(s.id, s.interchangeControlNumber, s.x12)).toList();
    }

    /** The clearinghouse took the file; {@code ack999} is its 999 when it answered at once. */
    @Transactional
    public void delivered(UUID submissionId, Optional<String> ack999) {
        Submission submission = Submission.findById(submissionId);
        if (submission == null || submission.status != SubmissionStatus.SENDING) {
            return;
        }
        Instant now = clock.instant();
        submission.sentAt = now;
        billingMetrics.interchangeSent(submission.payerId, submission.claimCount);
        if (ack999.isEmpty()) {
            markSent(submission, now, null);
            return;
        }
        applyAcknowledgment(submission, ack999.get());
    }

    /** Not delivered; tried again after the retry delay. */
    @Transactional
    public void unavailable(UUID submissionId, String reason) {
        Submission submission = Submission.findById(submissionId);
        if (submission != null) {
            submission.lastError = truncate(reason, 500);
        }
        metrics.increment("claimflow.submissions.retries");
    }

    /** The clearinghouse refused the file outright: its claims are rejected. */
    @Transactional
    public void refused(UUID submissionId, String reason) {
        Submission submission = Submission.findById(submissionId);
        if (submission == null || submission.status != SubmissionStatus.SENDING) {
            return;
        }
        submission.lastError = truncate(reason, 500);
        reject(submission, clock.instant(), "Clearinghouse refused interchange " + submission.interchangeControlNumber + ": " + reason);
    }

    /**
     * Applies a 999 to its submission: accepted (A/E) sends the claims on as SUBMITTED with ClaimSubmitted;
     * rejected (R) makes them REJECTED with the segment errors. Also used for a 999 that arrives as a file.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAcknowledgment(Submission submission, String ack999) {
        Instant now = clock.instant();
        submission.acknowledgment = ack999;
        Verdict verdict = verdict(submission, ack999);
        submission.acknowledgmentCode = verdict.code();
        billingMetrics.acknowledged(BillingMetrics.Acknowledgment.FUNCTIONAL, verdict.accepted() ? "ACCEPTED" : "REJECTED");
        if (verdict.accepted()) {
            markSent(submission, now, verdict.code());
        } else {
            reject(submission, now, "999 rejected interchange " + submission.interchangeControlNumber + ": " + verdict.detail());
        }
    }

    private record Verdict(boolean accepted, String code, String detail) {
    }

    private static Verdict verdict(Submission submission, String ack999) {
        List<FunctionalAcknowledgment> acks;
        try {
            acks = AcknowledgmentReader.read999(ack999.getBytes(StandardCharsets.UTF_8)).documents();
        } catch (X12ParseException e) {
            // The file was delivered; an unreadable answer is logged and the claims go on (277CA will tell).
            LOG.warnf("999 for interchange %s unreadable: %s", submission.interchangeControlNumber, e.getMessage());
            return new Verdict(true, null, "unreadable 999");
        }
        FunctionalAcknowledgment ack = acks.stream()
                .filter(a -> submission.groupControlNumber.equals(a.acknowledgedGroupControlNumber()))
                .findFirst().orElse(acks.isEmpty() ? null : acks.get(0));
        if (ack == null) {
            return new Verdict(true, null, "empty 999");
        }
        TransactionSetAcknowledgment set = ack.transactionSets().stream()
                .filter(t -> submission.transactionControlNumber.equals(t.controlNumber()))
                .findFirst().orElse(null);
        boolean accepted = set != null ? set.accepted()
                : switch (ack.groupStatus()) {
                    case ACCEPTED, ACCEPTED_WITH_ERRORS, PARTIALLY_ACCEPTED -> true;
                    default -> false;
                };
        String code = switch (set != null ? set.status() : ack.groupStatus()) {
            case ACCEPTED -> "A";
            case ACCEPTED_WITH_ERRORS -> "E";
            case PARTIALLY_ACCEPTED -> "P";
            case REJECTED -> "R";
            case UNKNOWN -> null;
        };
        StringBuilder detail = new StringBuilder();
        if (set != null) {
            if (!set.errorCodes().isEmpty()) {
                detail.append("IK5 errors ").append(String.join(",", set.errorCodes())).append(". ");
            }
            for (SegmentError segment : set.segmentErrors()) {
                detail.append("IK3 ").append(segment.segmentId()).append(" at ").append(segment.position())
                        .append(segment.errorCode() == null ? "" : " code " + segment.errorCode());
                segment.elementErrors().forEach(el -> detail.append(", IK4 element ").append(el.position())
                        .append(" code ").append(el.errorCode()));
                detail.append(". ");
            }
        }
        if (!ack.groupErrorCodes().isEmpty()) {
            detail.append("AK9 errors ").append(String.join(",", ack.groupErrorCodes())).append('.');
        }
        return new Verdict(accepted, code, detail.length() == 0 ? "no error detail" : detail.toString().trim());
    }

    private void markSent(Submission submission, Instant now, String code) {
        submission.status = SubmissionStatus.SENT;
        if (submission.sentAt == null) {
            submission.sentAt = now;
        }
        List<Claim> claims = claimsOf(submission);
        OutboxWriter.Ids ids = outbox.reserve(claims.size());
        for (Claim claim : claims) {
            if (claim.status == ClaimStatus.SUBMITTING) {
                claim.status = ClaimStatus.SUBMITTED;
                claim.updatedAt = now;
            }
            ClaimEvent.record(claim.id, now, "SUBMITTED", "SUBMITTED in interchange " + submission.interchangeControlNumber
                    + (code == null ? "" : " (999 " + code + ")"));
            tracing.inTraceOf(claim, "ClaimSubmitted", () -> outbox.append(ids, Topics.CLAIM_SUBMITTED,
                    Topics.CLAIM_SUBMITTED_TYPE, claim.practiceId, claim.id.toString(), claim.encounterId.toString(), null,
                    new ClaimSubmittedEvent(claim.id, claim.encounterId, claim.payerId, claim.patientControlNumber,
                            claim.frequencyCode, claim.totalCharge, submission.interchangeControlNumber,
                            submission.groupControlNumber, submission.transactionControlNumber, submission.sentAt)));
        }
        metrics.increment("claimflow.submissions.sent");
    }

    private void reject(Submission submission, Instant now, String reason) {
        submission.status = SubmissionStatus.REJECTED;
        for (Claim claim : claimsOf(submission)) {
            if (claim.status == ClaimStatus.SUBMITTING || claim.status == ClaimStatus.SUBMITTED) {
                claim.status = ClaimStatus.REJECTED;
                claim.updatedAt = now;
            }
            ClaimEvent.record(claim.id, now, "REJECTED", reason);
        }
        metrics.increment("claimflow.submissions.rejected");
    }

    private static List<Claim> claimsOf(Submission submission) {
        return Claim.list("submissionId = ?1 order by createdAt", submission.id);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
