package org.claimflow.billing.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.domain.ClaimCorrection;
import org.claimflow.billing.domain.ClaimEvent;
import org.claimflow.billing.domain.ClaimLine;
import org.claimflow.billing.domain.ClaimStatus;
import org.claimflow.billing.domain.PatientControlNumberPolicy;
import org.claimflow.billing.inbox.Inbox;
import org.claimflow.billing.messaging.ClaimCorrectionRequestedEvent;
import org.claimflow.billing.messaging.EncounterCodedEvent;
import org.claimflow.billing.messaging.IncomingEvents.PoisonEventException;
import org.claimflow.billing.metrics.CommittedCounters;
import org.claimflow.billing.outbox.EventEnvelope;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Corrected claims (README, "Corrections"): a replacement (CLM05-3 7) or a void (8) of a claim the payer
 * adjudicated, asked for by a biller (ClaimCorrectionRequested: the original's lines) or by a coder
 * (EncounterCoded with a correction: the re-coded encounter's diagnoses and lines). The corrected claim is a new claim row for the same encounter (new id, new patient control
 * number, linked by {@code replaces_claim_id}), carrying the original's payer claim control number for REF*F8.
 * The original becomes REPLACED / VOIDED only when the payer posts its reversal (CLP02 22), see
 * {@link #reversalPosted}.
 */
@ApplicationScoped
public class ClaimCorrectionService {

    private static final Logger LOG = Logger.getLogger(ClaimCorrectionService.class);
    static final String CONSUMER = "billing-service.claim-correction-requested";

    /** Only what the payer adjudicated can be replaced or voided. */
    static final Set<ClaimStatus> CORRECTABLE = EnumSet.of(ClaimStatus.PAID, ClaimStatus.PARTIALLY_DENIED, ClaimStatus.DENIED);

    private final Inbox inbox;
    private final Clock clock;
    private final CommittedCounters metrics;
    private final PatientAccountService patients;

    public ClaimCorrectionService(Inbox inbox, Clock clock, CommittedCounters metrics, PatientAccountService patients) {
        this.inbox = inbox;
        this.clock = clock;
        this.metrics = metrics;
        this.patients = patients;
    }

    /** What to correct, whoever asked: a biller (ClaimCorrectionRequested) or a coder (EncounterCoded.correction). */
    record CorrectionRequest(UUID correctionId, UUID denialId, String frequencyCode, String payerClaimControlNumber,
                             String reason, String origin, UUID encounterId) {
    }

    /** What the corrected claim carries: the original's diagnoses and lines, or the re-coded encounter's. */
    record CorrectedContent(String diagnoses, List<LineContent> lines, String description) {

        static CorrectedContent copiedFrom(Claim original) {
            return new CorrectedContent(original.diagnoses, ClaimLine.of(original.id).stream()
                    .map(l -> new LineContent(l.procedureCode, l.modifiers, l.units, l.diagnosisPointers, l.chargeAmount)).toList(),
                    "the original's lines");
        }

        static CorrectedContent recoded(EncounterCodedEvent event) {
            return new CorrectedContent(String.join(",", event.diagnoses()), event.serviceLines().stream()
                    .map(l -> new LineContent(l.procedureCode(), String.join(",", l.modifiersOrEmpty()), l.units(),
                            String.join(",", l.diagnosisPointers().stream().map(String::valueOf).toList()), l.chargeAmount().setScale(2)))
                    .toList(), "the corrected codes of encounter " + event.encounterId());
        }
    }

    record LineContent(String procedureCode, String modifiers, int units, String diagnosisPointers, BigDecimal chargeAmount) {
    }

    @Transactional
    public void request(EventEnvelope envelope, ClaimCorrectionRequestedEvent event) {
        if (event.correctionId() == null || event.denialId() == null || event.claimId() == null
                || !("7".equals(event.frequencyCode()) || "8".equals(event.frequencyCode()))) {
            throw new PoisonEventException("ClaimCorrectionRequested without correctionId, denialId, claimId or a frequency code 7/8");
        }
        if (!inbox.markProcessed(envelope.eventId(), CONSUMER, envelope.practiceId())) {
            return;
        }
        Claim original = Claim.findById(event.claimId());
        if (original == null) {
            throw new PoisonEventException("ClaimCorrectionRequested for an unknown claim");
        }
        Instant now = clock.instant();
        ClaimCorrection existing = ClaimCorrection.findById(event.correctionId());
        if (existing != null) {
            // The business key: one correction per correction id, whatever the event id.
            ClaimEvent.record(original.id, now, "CORRECTION_DUPLICATE_IGNORED", "Correction %s was requested again (event %s); nothing changed."
                    .formatted(event.correctionId(), envelope.eventId()));
            return;
        }
        correct(original, new CorrectionRequest(event.correctionId(), event.denialId(), event.frequencyCode(),
                event.payerClaimControlNumber(), event.reason(), "correction " + event.correctionId(), null),
                () -> CorrectedContent.copiedFrom(original), envelope.practiceId(), now);
    }

    /**
     * A coder corrected the codes of an encounter the payer denied for coding (EncounterCoded with a
     * {@code correction}): a replacement (7) of the named claim with this encounter's diagnoses and lines. Runs in
     * the consumer's transaction, after its inbox row. One correction per denial id, whatever the event id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceFromEncounter(EventEnvelope envelope, EncounterCodedEvent event) {
        EncounterCodedEvent.Correction c = event.correction();
        if (c.denialId() == null || c.claimId() == null || !(c.frequencyCode() == null || "7".equals(c.frequencyCode()))) {
            throw new PoisonEventException("EncounterCoded correction without denialId, claimId or with a frequency code other than 7");
        }
        Claim original = Claim.findById(c.claimId());
        if (original == null) {
            throw new PoisonEventException("EncounterCoded correction of an unknown claim");
        }
        Instant now = clock.instant();
        UUID correctionId = codingCorrectionId(c.denialId());
        ClaimCorrection existing = ClaimCorrection.findById(correctionId);
        if (existing == null) {
            existing = ClaimCorrection.find("denialId", c.denialId()).firstResult();
        }
        if (existing != null) {
            ClaimEvent.record(original.id, now, "CORRECTION_DUPLICATE_IGNORED",
                    "The coder's correction for denial %s arrived again (event %s); correction %s already exists, nothing changed."
                            .formatted(c.denialId(), envelope.eventId(), existing.correctionId));
            return;
        }
        String reasons = c.reasonCodes() == null || c.reasonCodes().isEmpty() ? "" : "Denial reason codes " + String.join(", ", c.reasonCodes());
        correct(original, new CorrectionRequest(correctionId, c.denialId(), "7", c.payerClaimControlNumber(), reasons,
                "coder's correction of encounter " + event.encounterId(), event.encounterId()),
                () -> CorrectedContent.recoded(event), envelope.practiceId(), now);
    }

    /** One coder correction per denial: its id is derived from the denial id, so concurrent duplicates meet on the key. */
    static UUID codingCorrectionId(UUID denialId) {
        return UUID.nameUUIDFromBytes(("encounter-coded-correction:" + denialId).getBytes(StandardCharsets.UTF_8));
    }

    /** The one way a corrected claim is made: refused (history + NOT_CORRECTABLE row) or created (claim, lines, row, history). */
    private void correct(Claim original, CorrectionRequest request, Supplier<CorrectedContent> content, String practiceId, Instant now) {
        boolean replacement = "7".equals(request.frequencyCode());
        String what = replacement ? "replacement" : "void";
        ClaimCorrection correction = new ClaimCorrection();
        correction.correctionId = request.correctionId();
        correction.practiceId = practiceId;
        correction.denialId = request.denialId();
        correction.originalClaimId = original.id;
        correction.frequencyCode = request.frequencyCode();
        correction.reason = request.reason() == null ? "" : request.reason();
        correction.requestedAt = now;

        String refusal = refusal(original, request.encounterId());
        if (refusal != null) {
            correction.status = ClaimCorrection.NOT_CORRECTABLE;
            correction.persist();
            ClaimEvent.record(original.id, now, "CORRECTION_NOT_POSSIBLE", "%s requested for denial %s (%s) not created: %s."
                    .formatted(capitalized(what), request.denialId(), request.origin(), refusal));
            metrics.increment("claimflow.claims.corrections", "frequency", request.frequencyCode(), "result", "refused");
            return;
        }

        CorrectedContent corrected = content.get();
        Claim claim = copyOf(original, request.frequencyCode(), now);
        claim.diagnoses = corrected.diagnoses();
        claim.totalCharge = corrected.lines().stream().map(LineContent::chargeAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        claim.persist();
        int lineNumber = 0;
        for (LineContent source : corrected.lines()) {
            ClaimLine line = new ClaimLine();
            line.claimId = claim.id;
            line.lineNumber = ++lineNumber;
            line.procedureCode = source.procedureCode();
            line.modifiers = source.modifiers();
            line.units = source.units();
            line.diagnosisPointers = source.diagnosisPointers();
            line.chargeAmount = source.chargeAmount();
            line.lineItemControlNumber = PatientControlNumberPolicy.lineItemControlNumber(claim.patientControlNumber, line.lineNumber);
            line.paidAmount = BigDecimal.ZERO.setScale(2);
            line.persist();
        }
        patients.accountFor(claim);
        correction.correctedClaimId = claim.id;
        correction.status = ClaimCorrection.REQUESTED;
        correction.persist();

        String numberNote = request.payerClaimControlNumber() != null
                && !Objects.equals(request.payerClaimControlNumber(), original.payerClaimControlNumber)
                ? " (the request named payer claim number " + request.payerClaimControlNumber() + "; ours is used)" : "";
        String reason = request.reason() == null || request.reason().isBlank() ? "" : " Reason: " + request.reason();
        String built = "built from %s: %d line(s), total %s".formatted(corrected.description(), corrected.lines().size(),
                claim.totalCharge.toPlainString());
        ClaimEvent.record(original.id, now, replacement ? "REPLACEMENT_REQUESTED" : "VOID_REQUESTED",
                "%s requested for denial %s (%s): claim %s (%s, frequency %s, REF*F8 %s), %s%s.%s".formatted(
                        capitalized(what), request.denialId(), request.origin(), claim.id, claim.patientControlNumber,
                        claim.frequencyCode, claim.originalPayerClaimControlNumber, built, numberNote, reason));
        ClaimEvent.record(claim.id, now, replacement ? "REPLACEMENT_REQUESTED" : "VOID_REQUESTED",
                ("%s requested for denial %s (%s) of claim %s (%s, payer claim %s), %s; ready to submit without a new "
                        + "eligibility check (coverage was checked for the original claim).%s").formatted(
                        capitalized(what), request.denialId(), request.origin(), original.id, original.patientControlNumber,
                        original.payerClaimControlNumber, built, reason));
        LOG.infof("correction %s: %s claim %s for claim %s", request.correctionId(), what, claim.id, original.id);
        metrics.increment("claimflow.claims.corrections", "frequency", request.frequencyCode(), "result", "created");
    }

    /**
     * Called in the posting transaction when a reversal (CLP02 22) of {@code original} was posted: a pending
     * correction completes, the original becomes REPLACED or VOIDED (and a void claim, which the payer never
     * adjudicates on its own, VOIDED with it). No pending correction: the claim stays REVERSED.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reversalPosted(Claim original, Instant now) {
        ClaimCorrection correction = ClaimCorrection.pendingFor(original.id);
        if (correction == null) {
            return;
        }
        boolean replacement = "7".equals(correction.frequencyCode);
        original.status = replacement ? ClaimStatus.REPLACED : ClaimStatus.VOIDED;
        original.updatedAt = now;
        correction.status = ClaimCorrection.COMPLETED;
        correction.completedAt = now;
        ClaimEvent.record(original.id, now, original.status.name(), "%s: the payer reversed this claim for %s claim %s (correction %s, denial %s)."
                .formatted(original.status, replacement ? "replacement" : "void", correction.correctedClaimId, correction.correctionId,
                        correction.denialId));
        if (!replacement && correction.correctedClaimId != null) {
            Claim voidClaim = Claim.findById(correction.correctedClaimId);
            if (voidClaim != null) {
                voidClaim.status = ClaimStatus.VOIDED;
                voidClaim.updatedAt = now;
                ClaimEvent.record(voidClaim.id, now, "VOIDED", "VOIDED: the payer reversed claim %s (%s) as this void asked."
                        .formatted(original.id, original.patientControlNumber));
            }
        }
    }

    /** Why the claim cannot be corrected; null when it can. */
    private static String refusal(Claim original, UUID encounterId) {
        if (encounterId != null && !encounterId.equals(original.encounterId)) {
            return "the claim belongs to another encounter than the one corrected";
        }
        if (original.payerClaimControlNumber == null || original.payerClaimControlNumber.isBlank()) {
            return "the claim has no payer claim control number (the payer never numbered it), so there is nothing to "
                    + "replace or void; correct and resubmit it as an original claim";
        }
        if (original.replacesClaimId != null && "8".equals(original.frequencyCode)) {
            return "the claim is itself a void";
        }
        if (!CORRECTABLE.contains(original.status)) {
            return "the claim is " + original.status + "; only an adjudicated claim (" + CORRECTABLE + ") can be corrected";
        }
        if (ClaimCorrection.pendingFor(original.id) != null) {
            return "another correction of this claim is waiting for the payer";
        }
        return null;
    }

    private static Claim copyOf(Claim o, String frequencyCode, Instant now) {
        Claim c = new Claim();
        c.id = UUID.randomUUID();
        c.practiceId = o.practiceId;
        c.encounterId = o.encounterId;
        c.externalId = o.externalId;
        c.patientControlNumber = PatientControlNumberPolicy.patientControlNumber(c.id);
        // Coverage was checked for the original claim (same member, payer and date of service): no new check.
        c.status = ClaimStatus.READY_TO_SUBMIT;
        c.frequencyCode = frequencyCode;
        // A replacement or void lives in the trace of what asked for it (a coder's fix or a biller's request).
        ClaimTracing.remember(c);
        c.payerId = o.payerId;
        c.memberId = o.memberId;
        c.relationship = o.relationship;
        c.patientFirstName = o.patientFirstName;
        c.patientLastName = o.patientLastName;
        c.patientDateOfBirth = o.patientDateOfBirth;
        c.patientSex = o.patientSex;
        c.patientLine1 = o.patientLine1;
        c.patientLine2 = o.patientLine2;
        c.patientCity = o.patientCity;
        c.patientState = o.patientState;
        c.patientPostalCode = o.patientPostalCode;
        c.billingNpi = o.billingNpi;
        c.billingTaxId = o.billingTaxId;
        c.billingName = o.billingName;
        c.billingLine1 = o.billingLine1;
        c.billingLine2 = o.billingLine2;
        c.billingCity = o.billingCity;
        c.billingState = o.billingState;
        c.billingPostalCode = o.billingPostalCode;
        c.renderingNpi = o.renderingNpi;
        c.renderingFirstName = o.renderingFirstName;
        c.renderingLastName = o.renderingLastName;
        c.placeOfService = o.placeOfService;
        c.dateOfService = o.dateOfService;
        c.paidAmount = BigDecimal.ZERO.setScale(2);
        c.adjustedAmount = BigDecimal.ZERO.setScale(2);
        c.patientResponsibility = BigDecimal.ZERO.setScale(2);
        c.replacesClaimId = o.id;
        c.originalPayerClaimControlNumber = o.payerClaimControlNumber;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
