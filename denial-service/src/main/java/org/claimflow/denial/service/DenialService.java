package org.claimflow.denial.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.claimflow.denial.domain.AdjudicatedClaim;
import org.claimflow.denial.domain.AdjudicationOutcome;
import org.claimflow.denial.domain.AdjustmentCode;
import org.claimflow.denial.domain.AppealDeadlinePolicy;
import org.claimflow.denial.domain.AppealTerms;
import org.claimflow.denial.domain.ClaimAdjudication;
import org.claimflow.denial.domain.ClaimParty;
import org.claimflow.denial.domain.Classification;
import org.claimflow.denial.domain.CorrectionRecovery;
import org.claimflow.denial.domain.Denial;
import org.claimflow.denial.domain.DenialClassificationPolicy;
import org.claimflow.denial.domain.DenialDetectionPolicy;
import org.claimflow.denial.domain.DenialHistory;
import org.claimflow.denial.domain.DenialNote;
import org.claimflow.denial.domain.DenialPriorityPolicy;
import org.claimflow.denial.domain.DenialReasonMapping;
import org.claimflow.denial.domain.DenialStatus;
import org.claimflow.denial.domain.DetectedDenial;
import org.claimflow.denial.domain.NonDenialAdjustment;
import org.claimflow.denial.domain.PayerAppealTerms;
import org.claimflow.denial.domain.ReasonRule;
import org.claimflow.denial.inbox.Inbox;
import org.claimflow.denial.messaging.ClaimAdjudicatedEvent;
import org.claimflow.denial.messaging.DenialRoutedEvent;
import org.claimflow.denial.messaging.Topics;
import org.claimflow.denial.metrics.DenialMetrics;
import org.claimflow.denial.outbox.EventEnvelope;
import org.claimflow.denial.outbox.OutboxWriter;
import org.claimflow.denial.persistence.PracticeScope;
import org.claimflow.denial.rest.DenialResponse;
import org.claimflow.denial.rest.NoteResponse;
import org.claimflow.denial.rest.PageResponse;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Finds, classifies and routes denials, and answers the work queues: the transaction boundary of denial-service. */
@ApplicationScoped
public class DenialService {

    private static final Logger LOG = Logger.getLogger(DenialService.class);
    static final String CLAIM_ADJUDICATED_CONSUMER = "denial-service.claim-adjudicated";

    private final OutboxWriter outbox;
    private final Inbox inbox;
    private final Clock clock;
    private final DenialMetrics metrics;

    public DenialService(OutboxWriter outbox, Inbox inbox, Clock clock, DenialMetrics metrics) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Consumer side of claim-adjudicated: one denial (and one denial-routed event) per denied line, once. */
    @Transactional
    public void route(EventEnvelope envelope, ClaimAdjudicatedEvent event) {
        if (!inbox.markProcessed(envelope.eventId(), CLAIM_ADJUDICATED_CONSUMER, envelope.practiceId())) {
            return;
        }
        AdjudicatedClaim claim = toDomain(event);
        List<DetectedDenial> detected = DenialDetectionPolicy.detect(claim, NonDenialAdjustment.all());
        Instant now = clock.instant();
        rememberParties(envelope, event, now);
        if (claim.outcome() != AdjudicationOutcome.REVERSED) {
            // A reversal takes a payment back; it is not an adjudication of the claim's services.
            recordAdjudication(envelope, event, !detected.isEmpty(), now);
            if (ClaimAdjudication.REPLACEMENT.equals(event.frequencyCode()) && event.replacesClaimId() != null) {
                creditCorrectedDenials(envelope, event, now);
            }
        }
        if (detected.isEmpty()) {
            return;
        }
        Set<String> carcs = detected.stream().map(DetectedDenial::primaryReason).filter(c -> c != null)
                .collect(Collectors.toSet());
        List<ReasonRule> rules = DenialReasonMapping.rulesFor(carcs);
        AppealTerms terms = PayerAppealTerms.forPayer(event.payerId());
        LocalDate deadline = AppealDeadlinePolicy.deadline(terms, event.remittanceDate());
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        for (DetectedDenial found : detected) {
            // A second event for the same remittance (billing re-sent it) must not route the denial again.
            if (Denial.exists(event.claimId(), event.remittanceId(), found.lineNumber())) {
                continue;
            }
            Classification classification = DenialClassificationPolicy.classify(rules, found.groupCode(),
                    found.primaryReason(), found.remarkCodes());
            Denial denial = newDenial(envelope, event, found, classification, deadline, today, now);
            denial.persist();
            DenialHistory.record(denial, now, "ROUTED", "Routed to " + denial.queue + " as " + denial.category
                    + " (" + codes(found) + "); appeal by " + deadline + ".");
            publishRouted(envelope, denial, found);
            metrics.routed(denial.category, denial.queue, denial.amount);
        }
    }

    /** The latest member id, patient and billing provider billing reported for the claim, for appeal letters. */
    private static void rememberParties(EventEnvelope envelope, ClaimAdjudicatedEvent event, Instant now) {
        if (event.memberId() == null && event.patient() == null && event.billingProvider() == null) {
            return;
        }
        ClaimParty party = ClaimParty.of(event.claimId(), envelope.practiceId(), now);
        if (event.memberId() != null) {
            party.memberId = event.memberId();
        }
        if (event.patient() != null) {
            party.patientFirstName = event.patient().firstName();
            party.patientLastName = event.patient().lastName();
            party.patientDateOfBirth = event.patient().dateOfBirth();
        }
        ClaimAdjudicatedEvent.BillingProvider provider = event.billingProvider();
        if (provider != null) {
            party.providerNpi = provider.npi();
            party.providerName = provider.name();
            ClaimAdjudicatedEvent.Address address = provider.address();
            party.providerAddressLine1 = address == null ? null : address.line1();
            party.providerAddressLine2 = address == null ? null : address.line2();
            party.providerCity = address == null ? null : address.city();
            party.providerState = address == null ? null : address.state();
            party.providerPostalCode = address == null ? null : address.postalCode();
        }
        party.updatedAt = now;
    }

    private static void recordAdjudication(EventEnvelope envelope, ClaimAdjudicatedEvent event, boolean denied, Instant now) {
        ClaimAdjudication row = new ClaimAdjudication();
        row.claimId = event.claimId();
        row.practiceId = envelope.practiceId();
        row.payerId = event.payerId();
        row.remittanceId = event.remittanceId();
        row.remittanceDate = event.remittanceDate();
        // Billing sent only originals before the field existed.
        row.frequencyCode = event.frequencyCode() == null ? ClaimAdjudication.ORIGINAL : event.frequencyCode();
        row.replacesClaimId = event.replacesClaimId();
        row.denied = denied;
        row.paidAmount = paid(event).setScale(2, RoundingMode.HALF_UP);
        row.createdAt = now;
        row.recordIfFirst();
    }

    /**
     * A replacement of claim X was adjudicated: each CORRECTED denial of X records what the replacement paid for
     * it: the replacement's line of the same number for a line denial (lines keep their numbers on a corrected
     * claim; a line the replacement dropped paid nothing), the whole replacement for a claim-level denial.
     */
    private static void creditCorrectedDenials(EventEnvelope envelope, ClaimAdjudicatedEvent event, Instant now) {
        List<Denial> corrected = Denial.list("claimId = ?1 and practiceId = ?2 and status = ?3 order by lineNumber",
                event.replacesClaimId(), envelope.practiceId(), DenialStatus.CORRECTED);
        for (Denial denial : corrected) {
            BigDecimal paid = denial.claimLevel() ? paid(event) : event.serviceLinesOrEmpty().stream()
                    .filter(l -> l.lineNumber() == denial.lineNumber).map(ClaimAdjudicatedEvent.ServiceLine::paidAmount)
                    .findFirst().orElse(BigDecimal.ZERO);
            CorrectionRecovery recovery = new CorrectionRecovery();
            recovery.denialId = denial.id;
            recovery.practiceId = denial.practiceId;
            recovery.replacementClaimId = event.claimId();
            recovery.remittanceId = event.remittanceId();
            recovery.amount = paid.setScale(2, RoundingMode.HALF_UP);
            recovery.recordedAt = now;
            if (recovery.recordOnce()) {
                DenialHistory.record(denial, now, "RECOVERED_BY_CORRECTION", "Replacement claim " + event.claimId()
                        + " adjudicated " + event.remittanceDate() + ": paid " + recovery.amount.toPlainString()
                        + (denial.claimLevel() ? " for the claim." : " for line " + denial.lineNumber + "."));
            }
        }
    }

    /** The claim's payment: as billing reported it, else the sum of its lines. */
    private static BigDecimal paid(ClaimAdjudicatedEvent event) {
        if (event.paidAmount() != null) {
            return event.paidAmount();
        }
        return event.serviceLinesOrEmpty().stream().map(ClaimAdjudicatedEvent.ServiceLine::paidAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Transactional
    public DenialResponse get(UUID id) {
        Denial denial = require(id);
        List<DenialResponse.HistoryEntry> history = DenialHistory.of(id).stream()
                .map(h -> new DenialResponse.HistoryEntry(h.occurredAt, h.actor, h.kind, h.detail)).toList();
        List<NoteResponse> notes = DenialNote.of(id).stream().map(DenialService::toNote).toList();
        return toResponse(denial, describe(denial), history, notes);
    }

    /** The denial, or 404. */
    static Denial require(UUID id) {
        Denial denial = Denial.findById(id);
        if (denial == null) {
            throw new NotFoundException("No denial with this id.");
        }
        return denial;
    }

    static NoteResponse toNote(DenialNote n) {
        return new NoteResponse(n.id, n.denialId, n.author, n.text, n.createdAt);
    }

    @Transactional
    public PageResponse<DenialResponse> list(DenialFilter filter, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        condition(query, params, "practiceId", filter.practiceId());
        condition(query, params, "claimId", filter.claimId());
        condition(query, params, "queue", filter.queue());
        condition(query, params, "status", filter.status());
        condition(query, params, "payerId", filter.payerId());
        condition(query, params, "category", filter.category());
        condition(query, params, "assignee", filter.assignee());
        if (filter.pastDeadline() != null) {
            params.add(LocalDate.ofInstant(clock.instant(), clock.getZone()));
            query.append(filter.pastDeadline() ? " and appealDeadline < ?" : " and appealDeadline >= ?").append(params.size());
        }
        var found = Denial.<Denial>find(query + " order by priority desc, createdAt, id", params.toArray());
        long total = found.count();
        List<DenialResponse> items = found.page(page, size).list().stream()
                .map(d -> toResponse(d, null, null, null)).toList();
        return new PageResponse<>(items, page, size, total);
    }

    /**
     * Urgency grows as deadlines come closer, so the stored priority of open and in-progress denials is recomputed daily
     * (the queues sort on it in the database).
     */
    @Scheduled(cron = "${claimflow.denial.priority-refresh-cron:0 10 0 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshPriorities() {
        // Every practice's open denials, so the transaction begins inside the cross-practice scope (row-level security).
        PracticeScope.acrossPractices(() -> QuarkusTransaction.requiringNew().run(this::refreshOpenPriorities));
    }

    private void refreshOpenPriorities() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        List<Denial> open = Denial.list("status in ?1", List.of(DenialStatus.OPEN, DenialStatus.IN_PROGRESS));
        for (Denial denial : open) {
            denial.priority = DenialPriorityPolicy.priority(denial.amount, denial.appealDeadline, today);
        }
        LOG.infof("refreshed the priority of %d open denials", open.size());
    }

    private static Denial newDenial(EventEnvelope envelope, ClaimAdjudicatedEvent event, DetectedDenial found,
                                    Classification classification, LocalDate deadline, LocalDate today, Instant now) {
        Denial denial = new Denial();
        denial.id = UUID.randomUUID();
        denial.practiceId = envelope.practiceId();
        denial.claimId = event.claimId();
        denial.remittanceId = event.remittanceId();
        denial.encounterId = event.encounterId();
        denial.payerId = event.payerId();
        denial.payerClaimControlNumber = event.payerClaimControlNumber();
        denial.patientControlNumber = event.patientControlNumber();
        denial.lineNumber = found.lineNumber();
        denial.procedureCode = found.procedureCode();
        denial.groupCode = found.groupCode();
        denial.reasonCodes = found.reasonCodes();
        denial.remarkCodes = found.remarkCodes();
        denial.amount = found.amount().setScale(2, RoundingMode.HALF_UP);
        denial.category = classification.category();
        denial.rootCause = classification.rootCause();
        denial.queue = classification.queue();
        denial.correctable = classification.correctable();
        denial.appealable = classification.appealable();
        denial.dateOfService = event.dateOfService();
        denial.remittanceDate = event.remittanceDate();
        denial.appealDeadline = deadline;
        denial.priority = DenialPriorityPolicy.priority(denial.amount, deadline, today);
        denial.status = DenialStatus.OPEN;
        denial.createdAt = now;
        denial.updatedAt = now;
        return denial;
    }

    private void publishRouted(EventEnvelope cause, Denial denial, DetectedDenial found) {
        Map<String, String> descriptions = descriptions(AdjustmentCode.CARC, found.reasonCodes());
        List<DenialRoutedEvent.Reason> reasons = found.reasons().stream()
                .map(r -> new DenialRoutedEvent.Reason(r.groupCode(), r.reasonCode(), descriptions.get(r.reasonCode())))
                .toList();
        DenialRoutedEvent event = new DenialRoutedEvent(denial.id, denial.claimId, denial.encounterId, denial.payerId,
                denial.category, denial.queue, denial.groupCode, denial.reasonCodes,
                denial.claimLevel() ? List.of() : List.of(denial.lineNumber), denial.amount, denial.appealDeadline,
                denial.correctable, denial.payerClaimControlNumber, denial.dateOfService, reasons, denial.remarkCodes);
        outbox.append(Topics.DENIAL_ROUTED, Topics.DENIAL_ROUTED_TYPE, denial.practiceId, denial.claimId.toString(),
                cause.correlationId(), cause.eventId().toString(), event);
    }

    static AdjudicatedClaim toDomain(ClaimAdjudicatedEvent e) {
        List<AdjudicatedClaim.Line> lines = e.serviceLinesOrEmpty().stream()
                .map(l -> new AdjudicatedClaim.Line(l.lineNumber(), l.procedureCode(), l.chargeAmount(), l.paidAmount(),
                        adjustments(l.adjustments()), l.remarkCodes() == null ? List.of() : l.remarkCodes()))
                .toList();
        return new AdjudicatedClaim(e.claimId(), e.remittanceId(), e.payerId(), AdjudicationOutcome.valueOf(e.outcome()),
                e.totalCharge(), e.remittanceDate(), adjustments(e.adjustments()), lines);
    }

    private static List<AdjudicatedClaim.Adjustment> adjustments(List<ClaimAdjudicatedEvent.Adjustment> adjustments) {
        return adjustments == null ? List.of() : adjustments.stream()
                .map(a -> new AdjudicatedClaim.Adjustment(a.groupCode(), a.reasonCode(), a.amount())).toList();
    }

    private static String codes(DetectedDenial found) {
        String reasons = found.reasonCodes().isEmpty() ? "no reason code" : String.join(", ", found.reasonCodes());
        return found.groupCode() == null ? reasons : found.groupCode() + " " + reasons;
    }

    private static void condition(StringBuilder query, List<Object> params, String field, Object value) {
        if (value != null) {
            params.add(value);
            query.append(" and ").append(field).append(" = ?").append(params.size());
        }
    }

    /** Each code of the denial with its published description, group first, then CARCs, then RARCs. */
    static List<DenialResponse.Code> describe(Denial denial) {
        List<DenialResponse.Code> codes = new ArrayList<>();
        if (denial.groupCode != null) {
            codes.addAll(lookup(AdjustmentCode.GROUP, List.of(denial.groupCode)));
        }
        codes.addAll(lookup(AdjustmentCode.CARC, denial.reasonCodes));
        codes.addAll(lookup(AdjustmentCode.RARC, denial.remarkCodes));
        return codes;
    }

    /** Published description by code, for the codes of one kind that the loaded code list knows. */
    static Map<String, String> descriptions(String kind, List<String> codes) {
        Map<String, String> descriptions = new HashMap<>();
        AdjustmentCode.of(kind, codes).forEach(c -> descriptions.put(c.code, c.description));
        return descriptions;
    }

    private static List<DenialResponse.Code> lookup(String kind, List<String> codes) {
        Map<String, String> descriptions = descriptions(kind, codes);
        return new LinkedHashSet<>(codes).stream()
                .map(code -> new DenialResponse.Code(kind, code, descriptions.getOrDefault(code, "Unknown code.")))
                .toList();
    }

    private DenialResponse toResponse(Denial d, List<DenialResponse.Code> codes, List<DenialResponse.HistoryEntry> history,
                                      List<NoteResponse> notes) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return new DenialResponse(d.id, d.practiceId, d.claimId, d.encounterId, d.remittanceId, d.payerId,
                d.payerClaimControlNumber, d.patientControlNumber, d.claimLevel() ? null : d.lineNumber, d.procedureCode,
                d.groupCode, d.reasonCodes, d.remarkCodes, codes, d.amount.setScale(2), d.category, d.rootCause, d.queue,
                d.correctable, d.appealable, d.dateOfService, d.remittanceDate, d.appealDeadline,
                AppealDeadlinePolicy.daysLeft(d.appealDeadline, today), AppealDeadlinePolicy.isPast(d.appealDeadline, today),
                d.priority, d.status, d.assignee, d.createdAt, d.updatedAt, history, notes);
    }
}
