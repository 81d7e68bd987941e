package org.claimflow.billing.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.claimflow.billing.domain.AdjudicationOutcome;
import org.claimflow.billing.domain.AdjudicationOutcomePolicy;
import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.domain.ClaimEvent;
import org.claimflow.billing.domain.ClaimLine;
import org.claimflow.billing.domain.LineAdjustment;
import org.claimflow.billing.domain.PatientAccount;
import org.claimflow.billing.domain.PostedClaimPayment;
import org.claimflow.billing.domain.PostedProviderAdjustment;
import org.claimflow.billing.domain.PostedRemittance;
import org.claimflow.billing.domain.RemittanceStatus;
import org.claimflow.billing.domain.UnmatchedRemittance;
import org.claimflow.billing.messaging.ClaimAdjudicatedEvent;
import org.claimflow.billing.messaging.Topics;
import org.claimflow.billing.metrics.BillingMetrics;
import org.claimflow.billing.outbox.OutboxWriter;
import org.claimflow.billing.rest.RemittanceView;
import org.claimflow.billing.x12.Adjustment;
import org.claimflow.billing.x12.BalanceViolation;
import org.claimflow.billing.x12.ClaimPayment;
import org.claimflow.billing.x12.ProviderAdjustment;
import org.claimflow.billing.x12.Remittance;
import org.claimflow.billing.x12.RemittanceBalancePolicy;
import org.claimflow.billing.x12.RemittanceReader;
import org.claimflow.billing.x12.ServiceLinePayment;
import org.claimflow.billing.x12.X12ParseException;
import org.claimflow.billing.x12.X12Result;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

/**
 * Posts 835 remittances: the whole file or nothing. A file is refused whole when it does not balance; a
 * file seen before (same bytes, or the same payer trace number) posts nothing again. Claims are found by
 * CLP01 (our patient control number) and lines by REF*6R, else by code, modifiers and date.
 */
@ApplicationScoped
public class RemittanceService {

    private static final Logger LOG = Logger.getLogger(RemittanceService.class);

    private static final int IN_LIST = 1_000;

    private final IdempotencyStore idempotency;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final PatientAccountService patients;
    private final ClaimCorrectionService corrections;
    private final EntityManager em;
    /** Money posted, unmatched claims and lines: counted at commit (issue #10). */
    @Inject
    BillingMetrics billingMetrics;
    private final ClaimTracing tracing;

    public RemittanceService(IdempotencyStore idempotency, OutboxWriter outbox, Clock clock, MeterRegistry metrics,
                             PatientAccountService patients, ClaimCorrectionService corrections, EntityManager em,
                             ClaimTracing tracing) {
        this.tracing = tracing;
        this.em = em;
        this.patients = patients;
        this.corrections = corrections;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** What a posting did. {@code duplicate}: the file was posted before, and nothing was posted now. */
    public record PostingResult(List<UUID> remittanceIds, int claimsPosted, int unmatched, boolean duplicate,
                                RemittanceStatus status, List<String> traceNumbers) {
    }

    /**
     * Posts a whole 835 file the clearinghouse delivered: it pays claims of any practice (the caller runs across
     * practices, see InboundService).
     *
     * @throws InvalidX12Exception           the file is not a readable 835
     * @throws UnbalancedRemittanceException its amounts do not balance; nothing was stored
     */
    @Transactional
    public PostingResult post(String x12) {
        return post(x12, null, null);
    }

    /**
     * Posts a whole 835 file a biller of {@code practice} sent through the API: row-level security lets it find and
     * pay only that practice's claims (another practice's claim payments in the file are kept as unmatched). The file
     * is its own idempotency key (same bytes post nothing twice); an {@code Idempotency-Key} reused with another file
     * is refused.
     *
     * @throws IdempotencyKeyReusedException the key came with a different file before
     */
    @Transactional
    public PostingResult post(String x12, String practice, String idempotencyKey) {
        String sha = sha256(x12);
        // The stored response itself is never replayed: the file is its own key, and previous() answers a repeat.
        boolean claimed = idempotencyKey != null && idempotency.claim(practice, idempotencyKey, sha).isEmpty();
        PostingResult result = previous(sha).orElseGet(() -> postNew(x12, sha, practice));
        if (claimed) {
            // Also when the file was posted before under no key or another one: a key claimed and left without a
            // response would answer every retry with it 409 "still being processed", for ever.
            idempotency.complete(practice, idempotencyKey,
                    new IdempotencyStore.StoredResponse(result.duplicate() ? 200 : 201, null, null));
        }
        return result;
    }

    private PostingResult postNew(String x12, String sha, String practice) {
        List<Remittance> remittances = read(x12);
        // A file posts thousands of rows in one transaction; under AUTO every query in the loop (the patient
        // account lookup, a pending correction) would dirty-check every claim and line loaded so far. Nothing in
        // the posting reads back what it changed through a query, so the changes are flushed once, at commit.
        em.setFlushMode(FlushModeType.COMMIT);
        List<String> violations = new ArrayList<>();
        for (Remittance remittance : remittances) {
            RemittanceBalancePolicy.check(remittance).stream().map(BalanceViolation::message).forEach(violations::add);
        }
        if (!violations.isEmpty()) {
            throw new UnbalancedRemittanceException(violations);
        }
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>();
        List<String> traces = new ArrayList<>();
        List<TransactionSet> toPost = new ArrayList<>();
        // This file's own rows by payer + trace: they reach the database only at commit, where a query would not see them.
        Map<List<String>, PostedRemittance> postedNow = new HashMap<>();
        for (int i = 0; i < remittances.size(); i++) {
            Remittance remittance = remittances.get(i);
            String payer = payerOf(remittance);
            PostedRemittance earlier = earlierPosting(payer, remittance.traceNumber(), postedNow);
            if (earlier != null) {
                // The same payment in another file (e.g. re-sent with a new interchange number): post it once.
                ids.add(earlier.id);
                traces.add(earlier.traceNumber);
                continue;
            }
            // A file that balances is posted even when its interest does not add up; what is wrong is noted on it.
            List<String> warnings = RemittanceBalancePolicy.warnings(remittance);
            if (!warnings.isEmpty()) {
                LOG.warnf("remittance %s posted with %d warning(s): %s", remittance.transactionControlNumber(),
                        warnings.size(), String.join("; ", warnings));
            }
            PostedRemittance row = store(sha, i, RemittanceStatus.POSTED, remittance, payer, x12,
                    warnings.isEmpty() ? null : String.join("\n", warnings), now, practice);
            if (remittance.traceNumber() != null) {
                postedNow.put(Arrays.asList(payer, remittance.traceNumber()), row);
            }
            // One query for the claims and one for their lines per transaction set, not two per claim.
            Map<String, Claim> claims = claimsOf(remittance);
            toPost.add(new TransactionSet(remittance, row, claims, linesOf(claims.values())));
            ids.add(row.id);
            traces.add(row.traceNumber);
        }
        // One account query for the whole file, not one per claim that leaves the patient something to pay.
        Map<PatientAccount.Key, PatientAccount> accounts = patients.accountsFor(toPost.stream()
                .flatMap(set -> set.remittance().claims().stream()
                        .filter(payment -> patientShare(payment).signum() != 0)
                        .map(payment -> set.claims().get(payment.patientControlNumber())))
                .filter(Objects::nonNull).toList());
        PostingRows rows = new PostingRows();
        int posted = 0;
        int unmatched = 0;
        for (TransactionSet set : toPost) {
            PostedRemittance row = set.row();
            for (ClaimPayment payment : set.remittance().claims()) {
                Claim claim = set.claims().get(payment.patientControlNumber());
                if (claim == null) {
                    rows.unmatched.add(unmatched(row, payment, "no claim has this patient control number"));
                    row.claimsUnmatched++;
                } else {
                    postClaim(row, set.remittance(), payment, claim, set.lines().getOrDefault(claim.id, List.of()),
                            accounts.get(PatientAccount.Key.of(claim)), rows, now);
                    row.claimsPosted++;
                }
            }
            rows.providerAdjustments.addAll(providerAdjustments(row, set.remittance()));
            billingMetrics.unmatchedClaimPayments(row.claimsUnmatched);
            posted += row.claimsPosted;
            unmatched += row.claimsUnmatched;
        }
        rows.persist(now);
        metrics.counter("claimflow.remittances.posted").increment();
        return new PostingResult(ids, posted, unmatched, toPost.isEmpty(), RemittanceStatus.POSTED, traces);
    }

    /** The POSTED remittance with this payer and trace number, from an earlier file or earlier in this one. */
    private static PostedRemittance earlierPosting(String payer, String traceNumber, Map<List<String>, PostedRemittance> postedNow) {
        if (traceNumber == null) {
            return null;
        }
        PostedRemittance inThisFile = postedNow.get(Arrays.asList(payer, traceNumber));
        return inThisFile != null ? inThisFile : PostedRemittance.find("payerId = ?1 and traceNumber = ?2 and status = ?3",
                payer, traceNumber, RemittanceStatus.POSTED).firstResult();
    }

    /** One 835 transaction set to post: its remittance row, and the claims and lines it pays. */
    private record TransactionSet(Remittance remittance, PostedRemittance row, Map<String, Claim> claims,
                                  Map<UUID, List<ClaimLine>> lines) {
    }

    /** Patient responsibility of one posted claim payment, for the patient's ledger. */
    private record LedgerMove(PatientAccount account, Claim claim, UUID claimPaymentId, BigDecimal patientShare, boolean reversal) {
    }

    /** The ClaimAdjudicated event of one posted claim payment. */
    private record Adjudication(Claim claim, ClaimAdjudicatedEvent event) {
    }

    /**
     * The rows a file adds (other than claim history), persisted table by table once every claim is posted: Hibernate
     * sends consecutive inserts into one table as JDBC batches, and rows written claim by claim would alternate tables
     * and go out one at a time. Parents first: claim payments before their adjustments and ledger entries.
     */
    private final class PostingRows {
        final List<UnmatchedRemittance> unmatched = new ArrayList<>();
        final List<PostedProviderAdjustment> providerAdjustments = new ArrayList<>();
        final List<PostedClaimPayment> payments = new ArrayList<>();
        final List<LineAdjustment> adjustments = new ArrayList<>();
        final List<LedgerMove> ledger = new ArrayList<>();
        final List<Adjudication> events = new ArrayList<>();

        void persist(Instant now) {
            unmatched.forEach(u -> u.persist());
            providerAdjustments.forEach(p -> p.persist());
            payments.forEach(p -> p.persist());
            adjustments.forEach(a -> a.persist());
            for (LedgerMove m : ledger) {
                patients.recordPatientResponsibility(m.account(), m.claim(), m.claimPaymentId(), m.patientShare(), m.reversal(), now);
            }
            // Each claim's ClaimAdjudicated is written in a span of the claim's own trace (ClaimTracing), not the file's.
            OutboxWriter.Ids ids = outbox.reserve(events.size());
            for (Adjudication a : events) {
                tracing.inTraceOf(a.claim(), "ClaimAdjudicated", () -> outbox.append(ids, Topics.CLAIM_ADJUDICATED,
                        Topics.CLAIM_ADJUDICATED_TYPE, a.claim().practiceId, a.claim().id.toString(),
                        a.claim().encounterId.toString(), null, a.event()));
            }
        }
    }

    @Transactional
    public RemittanceView get(UUID id) {
        PostedRemittance r = PostedRemittance.findById(id);
        if (r == null) {
            throw new NotFoundException("No remittance with this id.");
        }
        List<PostedClaimPayment> payments = PostedClaimPayment.ofRemittance(r.id);
        List<RemittanceView.ProviderAdjustment> plb = PostedProviderAdjustment.ofRemittance(r.id).stream()
                .map(a -> new RemittanceView.ProviderAdjustment(a.providerId, a.fiscalPeriodDate, a.reasonCode, a.referenceId, a.amount))
                .toList();
        boolean posted = r.status == RemittanceStatus.POSTED;
        // One column: why a REFUSED file was refused, or what is wrong with a POSTED one that was posted anyway.
        List<String> notes = r.problems == null ? List.of() : List.of(r.problems.split("\n"));
        return new RemittanceView(r.id, r.status, r.payerId, r.traceNumber, r.paymentAmount, r.paymentMethod, r.paymentDate,
                r.claimsPosted, r.claimsUnmatched, posted ? List.of() : notes, posted ? notes : null,
                payments.stream().map(p -> p.claimId).toList(), r.receivedAt,
                posted ? payments.stream().map(p -> p.paidAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add)
                        .add(unmatchedPaid(r.id)) : null,
                posted ? plb : null,
                posted ? plb.stream().map(RemittanceView.ProviderAdjustment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add) : null);
    }

    /** Keeps a file that could not be posted (unbalanced or unreadable) as REFUSED, so it is not lost or retried. */
    @Transactional
    public PostingResult refuse(String x12, List<String> problems) {
        String sha = sha256(x12);
        Optional<PostingResult> seen = previous(sha);
        if (seen.isPresent()) {
            return seen.get();
        }
        Remittance first = null;
        try {
            List<Remittance> remittances = RemittanceReader.read(x12).documents();
            first = remittances.isEmpty() ? null : remittances.get(0);
        } catch (X12ParseException e) {
            // unreadable: kept without its header fields
        }
        PostedRemittance row = store(sha, 0, RemittanceStatus.REFUSED, first, first == null ? null : payerOf(first), x12,
                String.join("\n", problems), clock.instant(), null);
        metrics.counter("claimflow.remittances.refused").increment();
        return new PostingResult(List.of(row.id), 0, 0, false, RemittanceStatus.REFUSED,
                row.traceNumber == null ? List.of() : List.of(row.traceNumber));
    }

    private Optional<PostingResult> previous(String sha) {
        List<PostedRemittance> rows = PostedRemittance.list("contentSha256 = ?1 order by transactionIndex", sha);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PostingResult(rows.stream().map(r -> r.id).toList(),
                rows.stream().mapToInt(r -> r.claimsPosted).sum(), rows.stream().mapToInt(r -> r.claimsUnmatched).sum(),
                true, rows.get(0).status, rows.stream().map(r -> r.traceNumber).filter(Objects::nonNull).toList()));
    }

    private static List<Remittance> read(String x12) {
        X12Result<Remittance> result;
        try {
            result = RemittanceReader.read(x12);
        } catch (X12ParseException e) {
            throw new InvalidX12Exception(e.getMessage());
        }
        if (result.documents().isEmpty()) {
            throw new InvalidX12Exception("the file holds no 835 transaction set");
        }
        for (Remittance remittance : result.documents()) {
            requireCents(remittance);
        }
        return result.documents();
    }

    /** Money is posted to the cent; an amount with more decimals is not a valid 835 amount. */
    private static void requireCents(Remittance remittance) {
        List<BigDecimal> amounts = new ArrayList<>();
        amounts.add(remittance.payment().totalAmount());
        remittance.providerAdjustments().forEach(p -> amounts.add(p.amount()));
        for (ClaimPayment claim : remittance.claims()) {
            amounts.add(claim.chargeAmount());
            amounts.add(claim.paidAmount());
            amounts.add(claim.interestAmount());
            claim.adjustments().forEach(a -> amounts.add(a.amount()));
            for (ServiceLinePayment line : claim.serviceLines()) {
                amounts.add(line.chargeAmount());
                amounts.add(line.paidAmount());
                line.adjustments().forEach(a -> amounts.add(a.amount()));
                if (line.allowedAmount() != null) {
                    amounts.add(line.allowedAmount());
                }
            }
        }
        if (amounts.stream().anyMatch(a -> a != null && a.stripTrailingZeros().scale() > 2)) {
            throw new InvalidX12Exception("remittance " + remittance.transactionControlNumber()
                    + " holds an amount with more than two decimals");
        }
    }

    private PostedRemittance store(String sha, int index, RemittanceStatus status, Remittance remittance, String payer,
                                   String x12, String problems, Instant now, String practice) {
        PostedRemittance row = new PostedRemittance();
        row.id = UUID.randomUUID();
        row.practiceId = practice;
        row.contentSha256 = sha;
        row.transactionIndex = index;
        row.status = status;
        row.content = x12;
        row.problems = problems == null || problems.length() <= 4000 ? problems : problems.substring(0, 4000);
        row.receivedAt = now;
        if (remittance != null) {
            row.payerId = payer;
            row.traceNumber = remittance.traceNumber();
            if (remittance.payment() != null) {
                row.paymentAmount = remittance.payment().totalAmount();
                row.paymentMethod = remittance.payment().paymentMethod();
                row.paymentDate = remittance.payment().paymentDate();
            }
        }
        row.persist();
        return row;
    }

    private static String payerOf(Remittance remittance) {
        if (remittance.payerId() != null && !remittance.payerId().isBlank()) {
            return remittance.payerId();
        }
        return remittance.originatingCompanyId();
    }

    /** PLB is the provider's, not one claim's: kept with the remittance, so BPR02 = claims paid − PLB can be shown. */
    private static List<PostedProviderAdjustment> providerAdjustments(PostedRemittance row, Remittance remittance) {
        List<PostedProviderAdjustment> rows = new ArrayList<>();
        for (ProviderAdjustment a : remittance.providerAdjustments()) {
            PostedProviderAdjustment p = new PostedProviderAdjustment();
            p.remittanceId = row.id;
            p.providerId = a.providerId();
            p.fiscalPeriodDate = a.fiscalPeriodDate();
            p.reasonCode = a.reasonCode();
            p.referenceId = a.referenceId();
            p.amount = a.amount();
            rows.add(p);
        }
        return rows;
    }

    private static BigDecimal unmatchedPaid(UUID remittanceId) {
        List<UnmatchedRemittance> rows = UnmatchedRemittance.list("remittanceId", remittanceId);
        return rows.stream().map(u -> u.paidAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static UnmatchedRemittance unmatched(PostedRemittance row, ClaimPayment payment, String reason) {
        UnmatchedRemittance u = new UnmatchedRemittance();
        u.remittanceId = row.id;
        u.patientControlNumber = payment.patientControlNumber();
        u.payerClaimControlNumber = payment.payerClaimControlNumber();
        u.claimStatusCode = payment.statusCode();
        u.chargeAmount = payment.chargeAmount();
        u.paidAmount = payment.paidAmount();
        u.reason = reason;
        return u;
    }

    /** The claims a transaction set pays, by patient control number (CLP01), in queries of at most 1,000. */
    private static Map<String, Claim> claimsOf(Remittance remittance) {
        List<String> numbers = remittance.claims().stream().map(ClaimPayment::patientControlNumber).distinct().toList();
        Map<String, Claim> claims = new HashMap<>();
        for (int from = 0; from < numbers.size(); from += IN_LIST) {
            List<Claim> found = Claim.list("patientControlNumber in ?1", numbers.subList(from, Math.min(numbers.size(), from + IN_LIST)));
            found.forEach(c -> claims.put(c.patientControlNumber, c));
        }
        return claims;
    }

    private static Map<UUID, List<ClaimLine>> linesOf(Collection<Claim> claims) {
        List<UUID> ids = claims.stream().map(c -> c.id).toList();
        Map<UUID, List<ClaimLine>> lines = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<ClaimLine> found = ClaimLine.list("claimId in ?1 order by claimId, lineNumber",
                    ids.subList(from, Math.min(ids.size(), from + IN_LIST)));
            found.forEach(l -> lines.computeIfAbsent(l.claimId, k -> new ArrayList<>()).add(l));
        }
        return lines;
    }

    /**
     * Applies one claim payment to its claim and records its history; the rows it adds go into {@code rows}, stored once
     * the whole file is posted. {@code account}: the patient's, needed when the payment leaves the patient something.
     */
    private void postClaim(PostedRemittance row, Remittance remittance, ClaimPayment payment, Claim claim, List<ClaimLine> lines,
                           PatientAccount account, PostingRows rows, Instant now) {
        // Stored before its adjustments, which refer to it. Outcome and patient share are filled in below.
        PostedClaimPayment cp = new PostedClaimPayment();
        cp.id = UUID.randomUUID();
        cp.remittanceId = row.id;
        cp.claimId = claim.id;
        cp.claimStatusCode = payment.statusCode();
        cp.outcome = AdjudicationOutcome.PAID;
        cp.chargeAmount = payment.chargeAmount();
        cp.paidAmount = payment.paidAmount();
        cp.patientResponsibility = BigDecimal.ZERO;
        cp.payerClaimControlNumber = payment.payerClaimControlNumber();
        cp.postedAt = now;
        rows.payments.add(cp);
        UUID paymentId = cp.id;
        List<ClaimAdjudicatedEvent.Line> eventLines = new ArrayList<>();
        List<AdjudicationOutcomePolicy.Line> policyLines = new ArrayList<>();
        BigDecimal patientShare = patientShare(payment);
        BigDecimal otherAdjustments = BigDecimal.ZERO;
        List<String> notes = new ArrayList<>();
        List<ClaimLine> taken = new ArrayList<>();
        boolean reversal = "22".equals(payment.statusCode());

        int position = 0;
        for (ServiceLinePayment svc : payment.serviceLines()) {
            position++;
            ClaimLine line = match(lines, taken, svc, claim.dateOfService);
            Integer lineNumber = line == null ? null : line.lineNumber;
            if (line == null) {
                notes.add("remittance line " + position + " (" + svc.procedureCode() + ") matched no claim line");
            } else {
                taken.add(line);
                line.paidAmount = line.paidAmount.add(svc.paidAmount());
                line.allowedAmount = reversal ? null : svc.allowedAmount();
            }
            for (Adjustment a : svc.adjustments()) {
                rows.adjustments.add(adjustment(paymentId, claim.id, lineNumber, a));
                if (!isPatientResponsibility(a)) {
                    otherAdjustments = otherAdjustments.add(a.amount());
                }
            }
            policyLines.add(new AdjudicationOutcomePolicy.Line(svc.paidAmount(), policyAdjustments(svc.adjustments())));
            eventLines.add(new ClaimAdjudicatedEvent.Line(
                    lineNumber == null ? position : lineNumber,
                    svc.procedureCode(),
                    svc.modifiers(),
                    line == null ? svc.units().intValue() : line.units,
                    cents(svc.chargeAmount()),
                    cents(svc.paidAmount()),
                    svc.allowedAmount() == null ? null : cents(svc.allowedAmount()),
                    eventAdjustments(svc.adjustments()),
                    svc.remarkCodes()));
        }
        for (Adjustment a : payment.adjustments()) {
            rows.adjustments.add(adjustment(paymentId, claim.id, null, a));
            if (!isPatientResponsibility(a)) {
                otherAdjustments = otherAdjustments.add(a.amount());
            }
        }
        AdjudicationOutcome outcome = AdjudicationOutcomePolicy.outcome(payment.statusCode(), payment.paidAmount(),
                policyAdjustments(payment.adjustments()), policyLines);

        cp.outcome = outcome;
        cp.patientResponsibility = patientShare;
        // CLP04 is what paid the charge, all of it. Interest (AMT*I) is information beside it, paid in the PLB (L6):
        // kept on the claim as the payer reported it, signed like every amount (a reversal's negated AMT*I takes it back).
        BigDecimal interest = payment.interest();
        cp.interestAmount = interest;

        claim.paidAmount = claim.paidAmount.add(payment.paidAmount());
        claim.interestAmount = claim.interestAmount.add(interest);
        claim.adjustedAmount = claim.adjustedAmount.add(otherAdjustments);
        claim.patientResponsibility = claim.patientResponsibility.add(patientShare);
        if (patientShare.signum() != 0) {
            rows.ledger.add(new LedgerMove(account, claim, cp.id, patientShare, reversal));
        }
        claim.status = outcome.claimStatus();
        if (payment.payerClaimControlNumber() != null) {
            claim.payerClaimControlNumber = payment.payerClaimControlNumber();
        }
        claim.updatedAt = now;
        if (payment.chargeAmount().abs().compareTo(claim.totalCharge) != 0) {
            notes.add("the payer's claim charge " + payment.chargeAmount().toPlainString() + " differs from ours "
                    + claim.totalCharge.toPlainString());
        }
        if (interest.signum() != 0) {
            notes.add("interest " + interest.toPlainString() + " (AMT*I, paid in the remittance's PLB L6)");
        }
        ClaimEvent.record(claim.id, now, outcome.name(), "%s by remittance %s (trace %s): paid %s, adjusted %s, patient owes %s%s."
                .formatted(outcome, row.id, remittance.traceNumber(), payment.paidAmount().toPlainString(),
                        otherAdjustments.toPlainString(), patientShare.toPlainString(),
                        notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
        if (outcome == AdjudicationOutcome.REVERSED) {
            // A reversal the payer sent for our replacement or void: the original becomes REPLACED / VOIDED.
            corrections.reversalPosted(claim, now);
        }

        LocalDate remittanceDate = remittance.payment() != null && remittance.payment().paymentDate() != null
                ? remittance.payment().paymentDate()
                : remittance.productionDate() != null ? remittance.productionDate() : LocalDate.ofInstant(now, ZoneOffset.UTC);
        ClaimAdjudicatedEvent event = new ClaimAdjudicatedEvent(claim.id, claim.encounterId, claim.payerId, row.id,
                claim.patientControlNumber, payment.payerClaimControlNumber(), payment.statusCode(), outcome,
                cents(payment.chargeAmount()), cents(payment.paidAmount()), cents(patientShare), remittanceDate,
                remittance.traceNumber(), claim.dateOfService, eventAdjustments(payment.adjustments()), eventLines,
                claim.frequencyCode, claim.replacesClaimId, claim.memberId,
                new ClaimAdjudicatedEvent.Patient(claim.patientFirstName, claim.patientLastName, claim.patientDateOfBirth),
                new ClaimAdjudicatedEvent.BillingProvider(claim.billingNpi, claim.billingName, new ClaimAdjudicatedEvent.Address(
                        claim.billingLine1, claim.billingLine2, claim.billingCity, claim.billingState, claim.billingPostalCode)));
        rows.events.add(new Adjudication(claim, event));
        metrics.counter("claimflow.claims.adjudicated", "outcome", outcome.name()).increment();
        billingMetrics.claimPaymentPosted(claim.payerId, payment, otherAdjustments, patientShare,
                payment.serviceLines().size() - taken.size());
    }

    /** REF*6R first; else the first untaken line with the same code, modifiers and date of service. */
    static ClaimLine match(List<ClaimLine> lines, List<ClaimLine> taken, ServiceLinePayment svc, LocalDate dateOfService) {
        if (svc.lineItemControlNumber() != null) {
            for (ClaimLine line : lines) {
                if (svc.lineItemControlNumber().equals(line.lineItemControlNumber)) {
                    return line;
                }
            }
        }
        LocalDate date = svc.serviceDate() == null ? dateOfService : svc.serviceDate();
        String code = svc.originalProcedureCode() != null ? svc.originalProcedureCode() : svc.procedureCode();
        for (ClaimLine line : lines) {
            if (!taken.contains(line) && line.procedureCode.equalsIgnoreCase(code) && line.modifierList().equals(svc.modifiers())
                    && dateOfService.equals(date)) {
                return line;
            }
        }
        return null;
    }

    /** What the payer says the patient owes for a claim payment: its PR adjustments, on the lines and on the claim. */
    static BigDecimal patientShare(ClaimPayment payment) {
        BigDecimal share = BigDecimal.ZERO;
        for (ServiceLinePayment svc : payment.serviceLines()) {
            for (Adjustment a : svc.adjustments()) {
                share = isPatientResponsibility(a) ? share.add(a.amount()) : share;
            }
        }
        for (Adjustment a : payment.adjustments()) {
            share = isPatientResponsibility(a) ? share.add(a.amount()) : share;
        }
        return share;
    }

    private static boolean isPatientResponsibility(Adjustment a) {
        return "PR".equals(a.groupCode());
    }

    private static LineAdjustment adjustment(UUID paymentId, UUID claimId, Integer lineNumber, Adjustment a) {
        LineAdjustment row = new LineAdjustment();
        row.claimPaymentId = paymentId;
        row.claimId = claimId;
        row.lineNumber = lineNumber;
        row.groupCode = a.groupCode();
        row.reasonCode = a.reasonCode();
        row.amount = a.amount();
        return row;
    }

    private static List<AdjudicationOutcomePolicy.Adjust> policyAdjustments(List<Adjustment> adjustments) {
        return adjustments.stream().map(a -> new AdjudicationOutcomePolicy.Adjust(a.groupCode(), a.reasonCode(), a.amount())).toList();
    }

    private static List<ClaimAdjudicatedEvent.Adjustment> eventAdjustments(List<Adjustment> adjustments) {
        return adjustments.stream().map(a -> new ClaimAdjudicatedEvent.Adjustment(a.groupCode(), a.reasonCode(), cents(a.amount()))).toList();
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.stripTrailingZeros().setScale(2, RoundingMode.UNNECESSARY);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
