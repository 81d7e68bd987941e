package org.claimflow.coding.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.claimflow.coding.domain.AuditEvent;
import org.claimflow.coding.domain.Encounter;
import org.claimflow.coding.rest.AuditEventResponse;
import org.claimflow.coding.rest.EncounterRequest;
import org.claimflow.coding.rest.PageResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The audit trail of PHI access (issue #8): writes its rows and answers the compliance queries. */
@ApplicationScoped
public class AuditService {

    private final ObjectMapper mapper;

    public AuditService(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Writes one row in a transaction of its own, committed when this returns: the response it stands for may leave
     * only then. Throws when the row could not be written.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditEvent event) {
        event.persist();
    }

    /**
     * The claim (once billing assembled it) and the patient of an encounter of the current practice; null for one that
     * is not there. The patient reference is the member id of the encounter's coverage: the patient's identifier at the
     * payer, the same on every encounter of that patient and coverage (as in denial-service), read from the stored
     * request; never a name or a date of birth.
     */
    @Transactional
    public AuditSubject ofEncounter(UUID encounterId) {
        Encounter encounter = Encounter.findById(encounterId);
        return encounter == null ? null : new AuditSubject(encounter.claimId, memberId(encounter.request));
    }

    /** The patient of an encounter body (intake, the dry run): its member id; no claim yet. */
    public static AuditSubject ofRequest(EncounterRequest request) {
        return new AuditSubject(null, request == null || request.coverage() == null ? null : request.coverage().memberId());
    }

    private String memberId(String requestJson) {
        if (requestJson == null) {
            return null;
        }
        try {
            JsonNode member = mapper.readTree(requestJson).path("coverage").path("memberId");
            return member.isTextual() ? member.asText() : null;
        } catch (JsonProcessingException e) {
            // The stored request is the service's own JSON; should it not read, the row names no patient.
            return null;
        }
    }

    /** One practice's rows that match every given filter, newest first. */
    @Transactional
    public PageResponse<AuditEventResponse> search(String practiceId, AuditQuery query, int page, int size) {
        StringBuilder where = new StringBuilder("practiceId = :practice");
        Parameters params = Parameters.with("practice", practiceId);
        if (query.claimId() != null) {
            where.append(" and claimId = :claim");
            params.and("claim", query.claimId());
        }
        if (query.patientRef() != null) {
            where.append(" and patientRef = :patient");
            params.and("patient", query.patientRef());
        }
        if (query.objectType() != null) {
            where.append(" and objectType = :type and objectId = :object");
            params.and("type", query.objectType()).and("object", query.objectId());
        }
        if (query.from() != null) {
            where.append(" and occurredAt >= :from");
            params.and("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and occurredAt < :to");
            params.and("to", query.to());
        }
        var found = AuditEvent.<AuditEvent>find(where + " order by occurredAt desc, id desc", params);
        long total = found.count();
        List<AuditEventResponse> items = new ArrayList<>();
        for (AuditEvent e : found.page(page, size).list()) {
            items.add(new AuditEventResponse(e.id, e.occurredAt, e.practiceId, e.actor,
                    e.roles == null || e.roles.isEmpty() ? List.of() : List.of(e.roles.split(",")), e.action, e.endpoint,
                    e.objectType, e.objectId, e.claimId, e.patientRef, e.outcome, e.status, e.requestId));
        }
        return new PageResponse<>(items, page, size, total);
    }

    /**
     * What the compliance officer asks for: a claim, a patient or one object (type and id together), within
     * [from, to) when given.
     */
    public record AuditQuery(UUID claimId, String patientRef, String objectType, String objectId, Instant from, Instant to) {
    }
}
