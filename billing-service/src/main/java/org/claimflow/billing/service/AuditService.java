package org.claimflow.billing.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.claimflow.billing.domain.AuditEvent;
import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.rest.AuditEventResponse;
import org.claimflow.billing.rest.PageResponse;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The audit trail of PHI access (issue #8): writes its rows and answers the compliance queries. */
@ApplicationScoped
public class AuditService {

    /**
     * Writes one row in a transaction of its own, committed when this returns: the response it stands for may leave
     * only then. Throws when the row could not be written.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditEvent event) {
        event.persist();
    }

    /**
     * The claim and its patient's member id, the identifier the patient's accounts, statements and other claims share
     * (the patient control number is one claim's, no better than the claim id); null for a claim that is not there.
     */
    @Transactional
    public AuditSubject ofClaim(UUID claimId) {
        Claim claim = Claim.findById(claimId);
        return claim == null ? null : new AuditSubject(claim.id, claim.memberId);
    }

    /**
     * Whom the claims of one encounter are about: its patient (the original and any replacement or void share it),
     * and the claim when there is just one; null when there is none, or (never in practice) several patients.
     */
    @Transactional
    public AuditSubject ofEncounter(UUID encounterId) {
        List<Claim> claims = Claim.list("encounterId", encounterId);
        if (claims.isEmpty() || claims.stream().map(c -> c.memberId).distinct().count() != 1) {
            return null;
        }
        return new AuditSubject(claims.size() == 1 ? claims.get(0).id : null, claims.get(0).memberId);
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
