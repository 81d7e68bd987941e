package org.claimflow.denial.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.claimflow.denial.domain.CorrectionRequest;
import org.claimflow.denial.domain.Denial;
import org.claimflow.denial.domain.DenialHistory;
import org.claimflow.denial.domain.DenialNote;
import org.claimflow.denial.domain.DenialStatus;
import org.claimflow.denial.domain.DenialStatusPolicy;
import org.claimflow.denial.domain.InvalidTransitionException;
import org.claimflow.denial.messaging.ClaimCorrectionRequestedEvent;
import org.claimflow.denial.messaging.Topics;
import org.claimflow.denial.metrics.DenialMetrics;
import org.claimflow.denial.outbox.OutboxWriter;
import org.claimflow.denial.rest.AssignmentRequest;
import org.claimflow.denial.rest.ClaimCorrectionRequest;
import org.claimflow.denial.rest.ClaimCorrectionResponse;
import org.claimflow.denial.rest.DenialResponse;
import org.claimflow.denial.rest.NoteRequest;
import org.claimflow.denial.rest.NoteResponse;
import org.claimflow.denial.rest.StatusChangeRequest;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The work-queue actions on a denial: assign, note, change status, request a corrected claim. Each
 * change is written into the denial's history with who made it ({@code actor}) and when.
 */
@ApplicationScoped
public class DenialWorkService {

    private static final Logger LOG = Logger.getLogger(DenialWorkService.class);

    private final DenialService denials;
    private final IdempotencyStore idempotency;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final DenialMetrics metrics;

    public DenialWorkService(DenialService denials, IdempotencyStore idempotency, OutboxWriter outbox, Clock clock,
                             DenialMetrics metrics) {
        this.denials = denials;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Transactional
    public DenialResponse assign(UUID id, AssignmentRequest request, String actor) {
        Denial denial = DenialService.require(id);
        Instant now = clock.instant();
        String before = denial.assignee;
        denial.assignee = request.assignee();
        denial.updatedAt = now;
        DenialHistory.record(denial, now, actor, "ASSIGNED", before == null
                ? "Assigned to " + request.assignee() + "."
                : "Reassigned from " + before + " to " + request.assignee() + ".");
        return denials.get(id);
    }

    @Transactional
    public Created addNote(UUID id, NoteRequest request, String actor, String idempotencyKey) {
        Denial denial = DenialService.require(id);
        return idempotency.once(denial.practiceId, idempotencyKey, "POST /api/v1/denials/" + id + "/notes", request, () -> {
            Instant now = clock.instant();
            DenialNote note = new DenialNote();
            note.id = UUID.randomUUID();
            note.denialId = denial.id;
            note.practiceId = denial.practiceId;
            note.author = actor;
            note.text = request.text();
            note.createdAt = now;
            note.persist();
            denial.updatedAt = now;
            DenialHistory.record(denial, now, actor, "NOTE_ADDED", "Note added.");
            return new IdempotencyStore.Result(201, "/api/v1/denials/" + id + "/notes/" + note.id, DenialService.toNote(note));
        });
    }

    @Transactional
    public NoteResponse note(UUID denialId, UUID noteId) {
        DenialNote note = DenialNote.findById(noteId);
        if (note == null || !note.denialId.equals(denialId)) {
            throw new NotFoundException("No note with this id on this denial.");
        }
        return DenialService.toNote(note);
    }

    /**
     * A person's status change. Appealed, won and lost follow from an appeal's submission and outcome, and
     * corrected from a correction request, so that the appeal and the event always exist behind them.
     */
    @Transactional
    public DenialResponse changeStatus(UUID id, StatusChangeRequest request, String actor) {
        Denial denial = DenialService.require(id);
        DenialStatus to = request.status();
        if (to == DenialStatus.APPEALED || to == DenialStatus.WON || to == DenialStatus.LOST || to == DenialStatus.CORRECTED) {
            throw new InvalidTransitionException(to + " is set by "
                    + (to == DenialStatus.CORRECTED ? "POST /api/v1/denials/{id}/corrections."
                    : to == DenialStatus.APPEALED ? "POST /api/v1/appeals/{id}/submission." : "POST /api/v1/appeals/{id}/outcome."));
        }
        transition(denial, to, actor, request.reason(), clock.instant());
        return denials.get(id);
    }

    /** Moves the denial to {@code to} if the policy allows it, and writes the step into its history. */
    static void transition(Denial denial, DenialStatus to, String actor, String reason, Instant now) {
        DenialStatus from = denial.status;
        DenialStatusPolicy.check(from, to);
        denial.status = to;
        denial.updatedAt = now;
        DenialHistory.record(denial, now, actor, "STATUS_CHANGED", from + " → " + to
                + (reason == null || reason.isBlank() ? "." : ": " + reason));
    }

    /**
     * Asks billing for a replacement or void claim through the outbox ({@code ClaimCorrectionRequested},
     * keyed by claim id) and marks the denial CORRECTED, in one transaction.
     */
    @Transactional
    public Created requestCorrection(UUID id, ClaimCorrectionRequest request, String actor, String idempotencyKey) {
        Denial denial = DenialService.require(id);
        return idempotency.once(denial.practiceId, idempotencyKey, "POST /api/v1/denials/" + id + "/corrections", request, () -> {
            Instant now = clock.instant();
            transition(denial, DenialStatus.CORRECTED, actor, request.reason(), now);
            CorrectionRequest correction = new CorrectionRequest();
            correction.id = UUID.randomUUID();
            correction.denialId = denial.id;
            correction.practiceId = denial.practiceId;
            correction.frequencyCode = request.frequencyCode();
            correction.reason = request.reason();
            correction.requestedBy = actor;
            correction.createdAt = now;
            correction.persist();
            DenialHistory.record(denial, now, actor, "CORRECTION_REQUESTED",
                    (CorrectionRequest.REPLACEMENT.equals(request.frequencyCode()) ? "Replacement (frequency 7)" : "Void (frequency 8)")
                            + " of the claim requested from billing.");
            outbox.append(Topics.CLAIM_CORRECTION_REQUESTED, Topics.CLAIM_CORRECTION_REQUESTED_TYPE, denial.practiceId,
                    denial.claimId.toString(), denial.encounterId == null ? null : denial.encounterId.toString(), null,
                    new ClaimCorrectionRequestedEvent(correction.id, denial.id, denial.claimId, denial.encounterId,
                            denial.payerClaimControlNumber, correction.frequencyCode, correction.reason));
            LOG.infof("correction %s (frequency %s) requested for denial %s", correction.id, correction.frequencyCode, denial.id);
            metrics.correctionRequested(CorrectionRequest.REPLACEMENT.equals(correction.frequencyCode));
            return new IdempotencyStore.Result(202, "/api/v1/denials/" + id + "/corrections/" + correction.id,
                    toResponse(correction, denial));
        });
    }

    @Transactional
    public ClaimCorrectionResponse correction(UUID denialId, UUID correctionId) {
        CorrectionRequest correction = CorrectionRequest.findById(correctionId);
        if (correction == null || !correction.denialId.equals(denialId)) {
            throw new NotFoundException("No correction request with this id on this denial.");
        }
        return toResponse(correction, DenialService.require(denialId));
    }

    private static ClaimCorrectionResponse toResponse(CorrectionRequest c, Denial denial) {
        return new ClaimCorrectionResponse(c.id, c.denialId, denial.claimId, denial.payerClaimControlNumber,
                c.frequencyCode, c.reason, c.requestedBy, c.createdAt);
    }
}
