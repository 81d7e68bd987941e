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
import org.claimflow.coding.domain.EncounterHistory;
import org.claimflow.coding.domain.EncounterOverride;
import org.claimflow.coding.domain.OverridePolicy;
import org.claimflow.coding.domain.EncounterParts.ServiceLine;
import org.claimflow.coding.domain.EncounterStatus;
import org.claimflow.coding.domain.Finding;
import org.claimflow.coding.inbox.Inbox;
import org.claimflow.coding.messaging.ClaimAssembledEvent;
import org.claimflow.coding.messaging.EncounterCodedEvent;
import org.claimflow.coding.messaging.Topics;
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

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Encounter intake and its coding disposition: the transaction boundary of coding-service. */
@ApplicationScoped
public class EncounterService {

    private static final Logger LOG = Logger.getLogger(EncounterService.class);
    static final String CLAIM_ASSEMBLED_CONSUMER = "coding-service.claim-assembled";

    private final ObjectMapper mapper;
    private final OutboxWriter outbox;
    private final Inbox inbox;
    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final CodingEditService edits;

    public EncounterService(ObjectMapper mapper, OutboxWriter outbox, Inbox inbox, IdempotencyStore idempotency,
                            Clock clock, MeterRegistry metrics, CodingEditService edits) {
        this.edits = edits;
        this.mapper = mapper;
        this.outbox = outbox;
        this.inbox = inbox;
        this.idempotency = idempotency;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The outcome of an intake call, as the HTTP response it becomes (and is replayed as). */
    public record IntakeResult(int status, String body, String location, boolean replayed) {
    }

    @Transactional
    public IntakeResult receive(EncounterRequest request, String idempotencyKey) {
        String requestJson = json(request);
        if (idempotencyKey != null) {
            Optional<IdempotencyStore.StoredResponse> stored =
                    idempotency.claim(request.practiceId(), idempotencyKey, sha256(requestJson));
            if (stored.isPresent()) {
                var s = stored.get();
                return new IntakeResult(s.status(), s.body(), s.location(), true);
            }
        }
        if (Encounter.findByExternalId(request.practiceId(), request.externalId()) != null) {
            throw new ConflictException("An encounter with this externalId already exists for this practice.");
        }
        Instant now = clock.instant();
        List<Finding> findings = edits.check(toCoded(request));

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
        metrics.counter("claimflow.encounters.received", "status", encounter.status.name()).increment();

        String location = "/api/v1/encounters/" + encounter.id;
        String body = json(new EncounterResponse(encounter.id, encounter.practiceId, encounter.externalId,
                encounter.status, encounter.dateOfService, findings, null, null, null, encounter.createdAt, null, null));
        IntakeResult result = new IntakeResult(202, body, location, false);
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
        EncounterHistory.record(encounter, now, "CORRECTED", who, "Corrected "
                + (parts.isEmpty() ? "nothing (edits re-run)" : String.join(", ", parts)) + ": " + correction.reason());
        dispose(encounter, corrected, edits.check(toCoded(corrected)), EncounterOverride.of(encounter.id), now, who);
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
        List<Integer> lines = lineNumbers == null ? List.of() : List.copyOf(lineNumbers);
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
     * The one disposition of an edit run, for intake and every coder action: stores the findings, and either
     * holds the encounter (NEEDS_REVIEW) or marks it CODED and writes encounter-coded to the outbox.
     */
    private void dispose(Encounter encounter, EncounterRequest request, List<Finding> findings,
                         List<EncounterOverride> overrides, Instant now, String who) {
        encounter.findings = json(findings);
        encounter.updatedAt = now;
        long open = findings.stream().filter(f -> OverridePolicy.stillHolds(f, overrides)).count();
        if (open > 0) {
            encounter.status = EncounterStatus.NEEDS_REVIEW;
            EncounterHistory.record(encounter, now, "HELD_FOR_REVIEW", who, open + " coding error(s) to resolve.");
        } else {
            encounter.status = EncounterStatus.CODED;
            publishCoded(encounter, request, findings);
            EncounterHistory.record(encounter, now, "CODED", who, "Codes passed the edits; sent to billing.");
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

    private void publishCoded(Encounter encounter, EncounterRequest request, List<Finding> findings) {
        List<Finding> warnings = findings.stream().filter(f -> !f.holds()).toList();
        EncounterCodedEvent event = new EncounterCodedEvent(encounter.id, request.externalId(), request.dateOfService(),
                request.placeOfService(), request.patient(), request.coverage(), request.billingProvider(),
                request.renderingProvider(), request.diagnoses(), request.serviceLines(), warnings);
        String id = encounter.id.toString();
        outbox.append(Topics.ENCOUNTER_CODED, Topics.ENCOUNTER_CODED_TYPE, encounter.practiceId, id, id, null, event);
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
        return new EncounterResponse(e.id, e.practiceId, e.externalId, e.status, e.dateOfService, findings(e),
                e.claimId, e.openQuery, overrides, e.createdAt, e.updatedAt, history);
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
