package org.claimflow.coding.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.claimflow.coding.domain.CodedEncounter;
import org.claimflow.coding.domain.Encounter;
import org.claimflow.coding.domain.EncounterHistory;
import org.claimflow.coding.domain.EncounterParts.ServiceLine;
import org.claimflow.coding.domain.EncounterStatus;
import org.claimflow.coding.domain.Finding;
import org.claimflow.coding.inbox.Inbox;
import org.claimflow.coding.messaging.ClaimAssembledEvent;
import org.claimflow.coding.messaging.EncounterCodedEvent;
import org.claimflow.coding.messaging.Topics;
import org.claimflow.coding.outbox.EventEnvelope;
import org.claimflow.coding.outbox.OutboxWriter;
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
        boolean held = findings.stream().anyMatch(Finding::holds);

        Encounter encounter = new Encounter();
        encounter.id = UUID.randomUUID();
        encounter.practiceId = request.practiceId();
        encounter.externalId = request.externalId();
        encounter.dateOfService = request.dateOfService();
        encounter.request = requestJson;
        encounter.findings = json(findings);
        encounter.status = held ? EncounterStatus.NEEDS_REVIEW : EncounterStatus.CODED;
        encounter.createdAt = now;
        encounter.updatedAt = now;
        encounter.persist();
        EncounterHistory.record(encounter, now, "RECEIVED", "Encounter received with "
                + request.serviceLines().size() + " service line(s).");
        if (held) {
            EncounterHistory.record(encounter, now, "HELD_FOR_REVIEW",
                    findings.stream().filter(Finding::holds).count() + " coding error(s) to resolve.");
        } else {
            publishCoded(encounter, request, findings);
            EncounterHistory.record(encounter, now, "CODED", "Codes passed the edits; sent to billing.");
        }
        metrics.counter("claimflow.encounters.received", "status", encounter.status.name()).increment();

        String location = "/api/v1/encounters/" + encounter.id;
        String body = json(new EncounterResponse(encounter.id, encounter.practiceId, encounter.externalId,
                encounter.status, encounter.dateOfService, findings, null, encounter.createdAt, null, null));
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

    @Transactional
    public PageResponse<EncounterResponse> list(String practiceId, EncounterStatus status,
                                                                          int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (practiceId != null) {
            params.add(practiceId);
            query.append(" and practiceId = ?").append(params.size());
        }
        if (status != null) {
            params.add(status);
            query.append(" and status = ?").append(params.size());
        }
        var found = Encounter.<Encounter>find(query + " order by createdAt, id", params.toArray());
        long total = found.count();
        List<EncounterResponse> items = found.page(page, size).list().stream()
                .map(e -> toResponse(e, false)).toList();
        return new PageResponse<>(items, page, size, total);
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
                        .map(h -> new EncounterResponse.HistoryEntry(h.occurredAt, h.kind, h.detail)).toList()
                : null;
        return new EncounterResponse(e.id, e.practiceId, e.externalId, e.status, e.dateOfService, findings(e),
                e.claimId, e.createdAt, e.updatedAt, history);
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
