package org.claimflow.coding.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.claimflow.coding.domain.CodedEncounter;
import org.claimflow.coding.domain.Encounter;
import org.claimflow.coding.domain.EncounterDenial;
import org.claimflow.coding.domain.EncounterHistory;
import org.claimflow.coding.domain.EncounterOverride;
import org.claimflow.coding.domain.OverridePolicy;
import org.claimflow.coding.domain.EncounterParts.ServiceLine;
import org.claimflow.coding.domain.EncounterStatus;
import org.claimflow.coding.domain.Finding;
import org.claimflow.coding.domain.PayerDenial;
import org.claimflow.coding.domain.PayerDenialPolicy;
import org.claimflow.coding.inbox.Inbox;
import org.claimflow.coding.messaging.ClaimAssembledEvent;
import org.claimflow.coding.messaging.DenialRoutedEvent;
import org.claimflow.coding.messaging.EncounterCodedEvent;
import org.claimflow.coding.messaging.IncomingEvents.PoisonEventException;
import org.claimflow.coding.messaging.Topics;
import org.claimflow.coding.metrics.CodingMetrics;
import org.claimflow.coding.metrics.CodingMetrics.CoderAction;
import org.claimflow.coding.outbox.EventEnvelope;
import org.claimflow.coding.outbox.OutboxWriter;
import org.claimflow.coding.rest.CorrectionRequest;
import org.claimflow.coding.rest.EncounterRequest;
import org.claimflow.coding.rest.EncounterResponse;
import org.claimflow.coding.rest.PageResponse;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Encounter intake and its coding disposition: the transaction boundary of coding-service. */
@ApplicationScoped
public class EncounterService {

    private static final Logger LOG = Logger.getLogger(EncounterService.class);
    static final String CLAIM_ASSEMBLED_CONSUMER = "coding-service.claim-assembled";
    static final String DENIAL_ROUTED_CONSUMER = "coding-service.denial-routed";
    /** The actor of the history entries a denial-routed event writes. */
    static final String DENIAL_SERVICE = "denial-service";

    private final ObjectMapper mapper;
    private final OutboxWriter outbox;
    private final Inbox inbox;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final CodingMetrics metrics;
    private final CodingEditService edits;

    public EncounterService(ObjectMapper mapper, OutboxWriter outbox, Inbox inbox, IdempotencyStore idempotency,
                            Clock clock, CodingMetrics metrics, CodingEditService edits) {
        this.edits = edits;
        this.mapper = mapper;
        this.outbox = outbox;
        this.inbox = inbox;
        this.idempotency = idempotency;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * The outcome of an intake call, as the HTTP response it becomes (and is replayed as).
     *
     * @param editNanos how long the coding edits took; null for a replay (no edit ran)
     */
    public record IntakeResult(int status, String body, String location, boolean replayed, Long editNanos) {
    }

    @Transactional
    public IntakeResult receive(EncounterRequest request, String idempotencyKey) {
        String requestJson = json(request);
        if (idempotencyKey != null) {
            Optional<IdempotencyStore.StoredResponse> stored =
                    idempotency.claim(request.practiceId(), idempotencyKey, sha256(requestJson));
            if (stored.isPresent()) {
                var s = stored.get();
                return new IntakeResult(s.status(), s.body(), s.location(), true, null);
            }
        }
        if (Encounter.findByExternalId(request.practiceId(), request.externalId()) != null) {
            throw new ConflictException("An encounter with this externalId already exists for this practice.");
        }
        Instant now = clock.instant();
        CodingEditService.Run run = edits.run(request);
        List<Finding> findings = run.findings();

        Encounter encounter = new Encounter();
        encounter.id = UUID.randomUUID();
        encounter.practiceId = request.practiceId();
        encounter.externalId = request.externalId();
        encounter.dateOfService = request.dateOfService();
        encounter.request = requestJson;
        encounter.status = EncounterStatus.NEEDS_REVIEW;
        encounter.findings = json(findings);
        encounter.createdAt = now;
        encounter.updatedAt = now;
        encounter.persist();
        EncounterHistory.record(encounter, now, "RECEIVED", "Encounter received with "
                + request.serviceLines().size() + " service line(s).");
        dispose(encounter, request, findings, List.of(), now, null);
        metrics.encounterReceived(encounter.status, findings);

        String location = "/api/v1/encounters/" + encounter.id;
        String body = json(new EncounterResponse(encounter.id, encounter.practiceId, encounter.externalId,
                encounter.status, encounter.dateOfService, findings, null, null, null, encounter.createdAt, null, null, null));
        IntakeResult result = new IntakeResult(202, body, location, false, run.nanos());
        if (idempotencyKey != null) {
            idempotency.complete(request.practiceId(), idempotencyKey,
                    new IdempotencyStore.StoredResponse(result.status(), body, location));
        }
        return result;
    }

    @Transactional
    public EncounterResponse get(UUID id) {
        Encounter encounter = Encounter.findById(id);
        if (encounter == null) {
            throw new NotFoundException("No encounter with this id.");
        }
        return toResponse(encounter, true);
    }

    /**
     * The list and coder queue, oldest first. ruleId keeps encounters with an open ERROR finding of that rule
     * (one no override covers); olderThanDays keeps encounters received more than that many days ago.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public PageResponse<EncounterResponse> list(String practiceId, EncounterStatus status, String ruleId,
                                                Integer olderThanDays, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (practiceId != null) {
            where.append(" and e.practice_id = :practiceId");
            params.put("practiceId", practiceId);
        }
        if (status != null) {
            where.append(" and e.status = :status");
            params.put("status", status.name());
        }
        if (ruleId != null) {
            where.append(" ").append("""
                     and exists (select 1 from jsonb_array_elements(e.findings) f
                                 where f->>'ruleId' = :ruleId and f->>'severity' = 'ERROR'
                                   and not exists (select 1 from encounter_override o
                                                   where o.encounter_id = e.id and o.rule_id = f->>'ruleId'
                                                     and coalesce(f->'lineNumbers', cast('[]' as jsonb)) @> o.line_numbers))""");
            params.put("ruleId", ruleId);
        }
        if (olderThanDays != null) {
            where.append(" and e.created_at < :before");
            params.put("before", clock.instant().minus(Duration.ofDays(olderThanDays)));
        }
        var em = Encounter.getEntityManager();
        var count = em.createNativeQuery("select count(*) from encounter e" + where);
        var select = em.createNativeQuery("select e.* from encounter e" + where + " order by e.created_at, e.id", Encounter.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<Encounter> found = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        List<EncounterResponse> items = found.stream().map(e -> toResponse(e, false)).toList();
        return new PageResponse<>(items, page, size, total);
    }

    /** A coder's correction: replaces the given parts, runs every edit again and releases the encounter if nothing holds. */
    @Transactional
    public EncounterResponse correct(UUID id, CorrectionRequest correction, String who) {
        Encounter encounter = load(id);
        requireStatus(encounter, "corrected", EncounterStatus.NEEDS_REVIEW, EncounterStatus.QUERY_PROVIDER);
        List<EncounterDenial> unresolved = EncounterDenial.unresolved(encounter.id);
        if (encounter.sentToBillingAt != null && unresolved.isEmpty()) {
            // Corrected codes of a claim already sent can only travel as a replacement, which needs a payer denial.
            throw new ConflictException("This encounter was already sent to billing and no payer denial is open for it; "
                    + "ask billing for a corrected claim instead.");
        }
        EncounterRequest r = request(encounter);
        EncounterRequest corrected = new EncounterRequest(r.practiceId(), r.externalId(), r.dateOfService(),
                correction.placeOfService() != null ? correction.placeOfService() : r.placeOfService(),
                r.patient(), r.coverage(), r.billingProvider(), r.renderingProvider(),
                correction.diagnoses() != null ? correction.diagnoses() : r.diagnoses(),
                correction.serviceLines() != null ? correction.serviceLines() : r.serviceLines());
        List<String> parts = new ArrayList<>();
        if (correction.diagnoses() != null) {
            parts.add("diagnoses");
        }
        if (correction.serviceLines() != null) {
            parts.add("serviceLines");
        }
        if (correction.placeOfService() != null) {
            parts.add("placeOfService");
        }
        Instant now = clock.instant();
        encounter.request = json(corrected);
        encounter.openQuery = null;
        // The correction answers every open payer denial: it clears PAYER_DENIAL, and the release that follows
        // (now or after the remaining findings are resolved) sends the codes as a replacement claim.
        for (EncounterDenial denial : unresolved) {
            denial.status = EncounterDenial.Status.CORRECTING;
        }
        EncounterHistory.record(encounter, now, "CORRECTED", who, "Corrected "
                + (parts.isEmpty() ? "nothing (edits re-run)" : String.join(", ", parts)) + ": " + correction.reason());
        dispose(encounter, corrected, edits.check(toCoded(corrected)), EncounterOverride.of(encounter.id), now, who);
        metrics.coderAction(CoderAction.CORRECTION);
        return toResponse(encounter, true);
    }

    /** A coder's override of a finding, with a reason; releases the encounter if nothing else holds. */
    @Transactional
    public EncounterResponse override(UUID id, String ruleId, List<Integer> lineNumbers, String reason, String who) {
        if (OverridePolicy.ruleNeverOverridable(ruleId)) {
            throw new NotOverridableException("Findings of rule " + ruleId + " can not be overridden; correct the encounter instead.");
        }
        Encounter encounter = load(id);
        requireStatus(encounter, "overridden", EncounterStatus.NEEDS_REVIEW, EncounterStatus.QUERY_PROVIDER);
        // Counted at commit only: an override refused below rolls back and counts nothing.
        metrics.coderAction(CoderAction.OVERRIDE);
        List<Integer> lines = lineNumbers == null ? List.of() : List.copyOf(lineNumbers);
        if (PayerDenialPolicy.RULE_ID.equals(ruleId)) {
            return declineDenials(encounter, lines, reason, who);
        }
        List<Finding> current = findings(encounter);
        List<Finding> covered = current.stream().filter(f -> OverridePolicy.covers(ruleId, lines, f)).toList();
        if (covered.isEmpty()) {
            throw new NoSuchFindingException("The encounter has no finding of rule " + ruleId
                    + (lines.isEmpty() ? "" : " on lines " + lines) + ".");
        }
        if (covered.stream().anyMatch(f -> !OverridePolicy.overridable(f))) {
            throw new NotOverridableException("A finding of rule " + ruleId + " on these lines can not be overridden "
                    + "(e.g. an NCCI PTP edit with modifier indicator 0); correct the encounter instead.");
        }
        Instant now = clock.instant();
        EncounterOverride row = new EncounterOverride();
        row.encounterId = encounter.id;
        row.practiceId = encounter.practiceId;
        row.ruleId = ruleId;
        row.lines(lines);
        row.reason = reason;
        row.overriddenBy = who;
        row.overriddenAt = now;
        row.persist();
        EncounterHistory.record(encounter, now, "OVERRIDDEN", who, "Overrode " + ruleId
                + (lines.isEmpty() ? "" : " on lines " + lines) + ": " + reason);
        if (encounter.status == EncounterStatus.NEEDS_REVIEW) {
            dispose(encounter, request(encounter), current, EncounterOverride.of(encounter.id), now, who);
        }
        return toResponse(encounter, true);
    }

    /** Sends a question to the provider: the encounter waits in QUERY_PROVIDER until the answer. */
    @Transactional
    public EncounterResponse askProvider(UUID id, String question, String who) {
        Encounter encounter = load(id);
        requireStatus(encounter, "queried", EncounterStatus.NEEDS_REVIEW);
        Instant now = clock.instant();
        encounter.status = EncounterStatus.QUERY_PROVIDER;
        encounter.openQuery = question;
        encounter.updatedAt = now;
        EncounterHistory.record(encounter, now, "QUERY_SENT", who, "Question to the provider: " + question);
        metrics.coderAction(CoderAction.PROVIDER_QUERY);
        return toResponse(encounter, true);
    }

    /** Records the provider's answer, runs the edits again and puts the encounter back in review (or releases it). */
    @Transactional
    public EncounterResponse answerQuery(UUID id, String answer, String who) {
        Encounter encounter = load(id);
        requireStatus(encounter, "answered", EncounterStatus.QUERY_PROVIDER);
        Instant now = clock.instant();
        encounter.openQuery = null;
        EncounterHistory.record(encounter, now, "QUERY_ANSWERED", who, "Provider's answer: " + answer);
        metrics.coderAction(CoderAction.PROVIDER_ANSWER);
        EncounterRequest r = request(encounter);
        dispose(encounter, r, edits.check(toCoded(r)), EncounterOverride.of(encounter.id), now, who);
        return toResponse(encounter, true);
    }

    /** Consumer side of claim-assembled: records which claim the encounter became, once. */
    @Transactional
    public void linkClaim(EventEnvelope envelope, ClaimAssembledEvent event) {
        if (!inbox.markProcessed(envelope.eventId(), CLAIM_ASSEMBLED_CONSUMER, envelope.practiceId())) {
            return;
        }
        Encounter encounter = Encounter.findById(event.encounterId());
        if (encounter == null || !encounter.practiceId.equals(envelope.practiceId())) {
            LOG.warnf("claim-assembled event %s names an encounter this service does not have; ignored", envelope.eventId());
            return;
        }
        encounter.claimId = event.claimId();
        encounter.updatedAt = clock.instant();
        EncounterHistory.record(encounter, encounter.updatedAt, "CLAIM_ASSEMBLED", "Claim " + event.claimId() + " assembled by billing.");
    }

    /**
     * Consumer side of denial-routed: a payer denied the encounter's claim for coding (queue CODING), so it goes
     * back to the coders, held by a PAYER_DENIAL finding, with the denial kept for the replacement claim. Other
     * queues are none of this service's business. The same event, or the same denial under another event id,
     * changes nothing the second time.
     */
    @Transactional
    public void reopenForDenial(EventEnvelope envelope, DenialRoutedEvent event) {
        if (!inbox.markProcessed(envelope.eventId(), DENIAL_ROUTED_CONSUMER, envelope.practiceId())) {
            return;
        }
        if (!PayerDenialPolicy.reopens(event.queue())) {
            return;
        }
        if (event.denialId() == null || event.claimId() == null || event.payerId() == null) {
            throw new PoisonEventException("DenialRouted " + envelope.eventId() + " lacks denialId, claimId or payerId");
        }
        Encounter encounter = event.encounterId() == null ? null : Encounter.findById(event.encounterId());
        if (encounter == null || !encounter.practiceId.equals(envelope.practiceId())) {
            // Nothing to re-open: a person has to look at it, so it goes to the dead-letter topic rather than vanish.
            throw new PoisonEventException("DenialRouted " + envelope.eventId() + " names an encounter this service does not have");
        }
        if (EncounterDenial.findById(event.denialId()) != null) {
            return;
        }
        Instant now = clock.instant();
        EncounterDenial denial = new EncounterDenial();
        denial.denialId = event.denialId();
        denial.encounterId = encounter.id;
        denial.practiceId = encounter.practiceId;
        denial.claimId = event.claimId();
        denial.payerId = event.payerId();
        denial.payerClaimControlNumber = event.payerClaimControlNumber();
        denial.category = event.category();
        denial.groupCode = event.groupCode();
        denial.reasonCodes = json(event.reasonCodes() == null ? List.of() : event.reasonCodes());
        denial.reasons = json(event.reasons() == null ? List.of() : event.reasons().stream()
                .map(r -> new PayerDenial.Reason(r.groupCode(), r.reasonCode(), r.description())).toList());
        denial.remarkCodes = json(event.remarkCodes() == null ? List.of() : event.remarkCodes());
        denial.lineNumbers = json(event.lineNumbers() == null ? List.of() : event.lineNumbers());
        denial.amount = event.amount();
        denial.status = EncounterDenial.Status.OPEN;
        denial.eventId = envelope.eventId();
        denial.receivedAt = now;
        denial.persist();
        metrics.reopenedByDenial(event.payerId());

        EncounterRequest r = request(encounter);
        Finding finding = PayerDenialPolicy.finding(payerDenial(denial), procedureCodes(r));
        EncounterHistory.record(encounter, now, "REOPENED_BY_DENIAL", DENIAL_SERVICE,
                (encounter.status == EncounterStatus.CODED ? "Re-opened: " : "Added to the held encounter: ") + finding.message());
        if (encounter.status == EncounterStatus.QUERY_PROVIDER) {
            // Still waiting for the provider: the denial joins the findings, the answer re-runs everything.
            encounter.findings = json(withPayerDenials(findings(encounter), EncounterDenial.unresolved(encounter.id), r));
            encounter.updatedAt = now;
        } else {
            dispose(encounter, r, findings(encounter), EncounterOverride.of(encounter.id), now, DENIAL_SERVICE);
        }
    }

    /**
     * An override of PAYER_DENIAL: the coder says the billed codes were right. The covered denials are closed as
     * DECLINED and nothing is sent to billing for them (the claim stands; an appeal is billing's business). Not an
     * encounter_override row: a later denial on the same lines must hold the encounter again.
     */
    private EncounterResponse declineDenials(Encounter encounter, List<Integer> lines, String reason, String who) {
        EncounterRequest r = request(encounter);
        List<String> codes = procedureCodes(r);
        List<EncounterDenial> unresolved = EncounterDenial.unresolved(encounter.id);
        List<EncounterDenial> declined = unresolved.stream()
                .filter(d -> d.status == EncounterDenial.Status.OPEN)
                .filter(d -> OverridePolicy.covers(PayerDenialPolicy.RULE_ID, lines,
                        PayerDenialPolicy.finding(payerDenial(d), codes)))
                .toList();
        if (declined.isEmpty()) {
            throw new NoSuchFindingException("The encounter has no open finding of rule " + PayerDenialPolicy.RULE_ID
                    + (lines.isEmpty() ? "" : " on lines " + lines) + ".");
        }
        Instant now = clock.instant();
        for (EncounterDenial d : declined) {
            d.status = EncounterDenial.Status.DECLINED;
            d.resolvedAt = now;
            d.resolvedBy = who;
            d.resolution = reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
            EncounterHistory.record(encounter, now, "DENIAL_DECLINED", who, "Kept the billed codes for denial " + d.denialId
                    + " of claim " + d.claimId + " (CARC " + String.join(", ", strings(d.reasonCodes))
                    + "): " + reason + ". Nothing re-sent to billing.");
        }
        if (encounter.status == EncounterStatus.NEEDS_REVIEW) {
            dispose(encounter, r, findings(encounter), EncounterOverride.of(encounter.id), now, who);
        } else {
            encounter.findings = json(withPayerDenials(findings(encounter), EncounterDenial.unresolved(encounter.id), r));
            encounter.updatedAt = now;
        }
        return toResponse(encounter, true);
    }

    /**
     * The one disposition of an edit run, for intake, denials and every coder action: stores the findings (the
     * edits' plus one PAYER_DENIAL per open denial), and either holds the encounter (NEEDS_REVIEW) or releases it.
     */
    private void dispose(Encounter encounter, EncounterRequest request, List<Finding> editFindings,
                         List<EncounterOverride> overrides, Instant now, String who) {
        List<EncounterDenial> unresolved = EncounterDenial.unresolved(encounter.id);
        List<Finding> findings = withPayerDenials(editFindings, unresolved, request);
        encounter.findings = json(findings);
        encounter.updatedAt = now;
        long open = findings.stream().filter(f -> OverridePolicy.stillHolds(f, overrides)).count();
        if (open > 0) {
            encounter.status = EncounterStatus.NEEDS_REVIEW;
            EncounterHistory.record(encounter, now, "HELD_FOR_REVIEW", who, open + " coding error(s) to resolve.");
        } else {
            release(encounter, request, findings, unresolved, now, who);
        }
    }

    /**
     * Nothing holds the encounter any more: CODED. What goes to billing depends on what billing already has:
     * corrected codes for a payer denial go as a replacement of the denied claim (the correction block); a first
     * coding goes as a plain encounter-coded; an encounter billing already has and whose codes were not corrected
     * for a denial sends nothing, since a plain re-send would become a duplicate original claim.
     */
    private void release(Encounter encounter, EncounterRequest request, List<Finding> findings,
                         List<EncounterDenial> unresolved, Instant now, String who) {
        encounter.status = EncounterStatus.CODED;
        List<EncounterDenial> corrected = unresolved.stream().filter(d -> d.status == EncounterDenial.Status.CORRECTING).toList();
        if (!corrected.isEmpty()) {
            // One replacement answers every denial the correction covered; it replaces the newest denied claim.
            EncounterDenial replaced = corrected.get(corrected.size() - 1);
            List<String> reasonCodes = corrected.stream().flatMap(d -> strings(d.reasonCodes).stream()).distinct().toList();
            publishCoded(encounter, request, findings, new EncounterCodedEvent.Correction(replaced.denialId, replaced.claimId,
                    replaced.payerClaimControlNumber, PayerDenialPolicy.REPLACEMENT_FREQUENCY, reasonCodes,
                    corrected.stream().map(d -> d.denialId).toList()), replaced.eventId);
            for (EncounterDenial d : corrected) {
                d.status = EncounterDenial.Status.CORRECTED;
                d.resolvedAt = now;
                d.resolvedBy = who;
            }
            EncounterHistory.record(encounter, now, "CORRECTED_FOR_DENIAL", who, "Corrected codes passed the edits; sent to "
                    + "billing as a replacement (frequency 7) of claim " + replaced.claimId
                    + (replaced.payerClaimControlNumber == null ? "" : ", payer claim number " + replaced.payerClaimControlNumber)
                    + ", for denial " + replaced.denialId + ".");
        } else if (encounter.sentToBillingAt == null) {
            publishCoded(encounter, request, findings, null, null);
            EncounterHistory.record(encounter, now, "CODED", who, "Codes passed the edits; sent to billing.");
        } else {
            EncounterHistory.record(encounter, now, "CODED", who,
                    "Back to CODED with the codes billing already has; nothing re-sent.");
        }
    }

    /** The edit findings without any stale PAYER_DENIAL, plus one PAYER_DENIAL per OPEN denial. */
    private List<Finding> withPayerDenials(List<Finding> findings, List<EncounterDenial> unresolved, EncounterRequest request) {
        List<Finding> all = new ArrayList<>(findings.stream()
                .filter(f -> !PayerDenialPolicy.RULE_ID.equals(f.ruleId())).toList());
        List<String> codes = procedureCodes(request);
        unresolved.stream().filter(d -> d.status == EncounterDenial.Status.OPEN)
                .forEach(d -> all.add(PayerDenialPolicy.finding(payerDenial(d), codes)));
        return all;
    }

    private static List<String> procedureCodes(EncounterRequest request) {
        return request.serviceLines().stream().map(ServiceLine::procedureCode).toList();
    }

    private PayerDenial payerDenial(EncounterDenial d) {
        return new PayerDenial(d.denialId, d.claimId, d.payerId, d.payerClaimControlNumber, d.category, d.groupCode,
                strings(d.reasonCodes), read(d.reasons, new TypeReference<List<PayerDenial.Reason>>() { }),
                strings(d.remarkCodes), read(d.lineNumbers, new TypeReference<List<Integer>>() { }), d.amount);
    }

    private List<String> strings(String jsonArray) {
        return read(jsonArray, new TypeReference<List<String>>() { });
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored denial unreadable", e);
        }
    }

    private Encounter load(UUID id) {
        Encounter encounter = Encounter.findById(id);
        if (encounter == null) {
            throw new NotFoundException("No encounter with this id.");
        }
        return encounter;
    }

    private static void requireStatus(Encounter encounter, String action, EncounterStatus... allowed) {
        if (!List.of(allowed).contains(encounter.status)) {
            throw new ConflictException("An encounter in status " + encounter.status + " can not be " + action
                    + "; allowed in " + List.of(allowed) + ".");
        }
    }

    private EncounterRequest request(Encounter e) {
        try {
            return mapper.readValue(e.request, EncounterRequest.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored request unreadable for encounter " + e.id, ex);
        }
    }

    private void publishCoded(Encounter encounter, EncounterRequest request, List<Finding> findings,
                              EncounterCodedEvent.Correction correction, UUID causationId) {
        List<Finding> warnings = findings.stream().filter(f -> !f.holds()).toList();
        EncounterCodedEvent event = new EncounterCodedEvent(encounter.id, request.externalId(), request.dateOfService(),
                request.placeOfService(), request.patient(), request.coverage(), request.billingProvider(),
                request.renderingProvider(), request.diagnoses(), request.serviceLines(), warnings, correction);
        String id = encounter.id.toString();
        outbox.append(Topics.ENCOUNTER_CODED, Topics.ENCOUNTER_CODED_TYPE, encounter.practiceId, id, id,
                causationId == null ? null : causationId.toString(), event);
        encounter.sentToBillingAt = encounter.updatedAt;
    }

    private EncounterResponse toResponse(Encounter e, boolean withHistory) {
        List<EncounterResponse.HistoryEntry> history = withHistory
                ? EncounterHistory.of(e.id).stream()
                        .map(h -> new EncounterResponse.HistoryEntry(h.occurredAt, h.kind, h.actor, h.detail)).toList()
                : null;
        List<EncounterResponse.OverrideEntry> overrides = withHistory
                ? EncounterOverride.of(e.id).stream().map(o -> new EncounterResponse.OverrideEntry(o.ruleId,
                        o.lines(), o.reason, o.overriddenBy, o.overriddenAt)).toList()
                : null;
        List<EncounterResponse.DenialEntry> denials = null;
        if (withHistory) {
            denials = EncounterDenial.unresolved(e.id).stream().map(d -> {
                PayerDenial p = payerDenial(d);
                return new EncounterResponse.DenialEntry(p.denialId(), p.claimId(), p.payerId(), p.payerClaimControlNumber(),
                        p.category(), p.reasonCodes(), p.reasons(), p.remarkCodes(), p.lineNumbers(), d.status.name(), d.receivedAt);
            }).toList();
            denials = denials.isEmpty() ? null : denials;
        }
        return new EncounterResponse(e.id, e.practiceId, e.externalId, e.status, e.dateOfService, findings(e),
                e.claimId, e.openQuery, overrides, e.createdAt, e.updatedAt, history, denials);
    }

    private List<Finding> findings(Encounter e) {
        try {
            return mapper.readValue(e.findings, new TypeReference<List<Finding>>() { });
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored findings unreadable for encounter " + e.id, ex);
        }
    }

    static CodedEncounter toCoded(EncounterRequest r) {
        List<CodedEncounter.Line> lines = new ArrayList<>();
        for (int i = 0; i < r.serviceLines().size(); i++) {
            ServiceLine l = r.serviceLines().get(i);
            lines.add(new CodedEncounter.Line(i + 1, l.procedureCode(), l.modifiersOrEmpty(), l.units(),
                    l.diagnosisPointers(), l.chargeAmount()));
        }
        return new CodedEncounter(r.dateOfService(), r.placeOfService(), r.patient().dateOfBirth(), r.patient().sex(),
                r.billingProvider().npi(), r.renderingProvider() == null ? null : r.renderingProvider().npi(),
                r.diagnoses(), lines);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
