package org.claimflow.billing.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.domain.ClaimCorrection;
import org.claimflow.billing.domain.ClaimEvent;
import org.claimflow.billing.domain.ClaimLine;
import org.claimflow.billing.domain.ClaimStatus;
import org.claimflow.billing.domain.PatientControlNumberPolicy;
import org.claimflow.billing.inbox.Inbox;
import org.claimflow.billing.messaging.ClaimCorrectionRequestedEvent;
import org.claimflow.billing.messaging.IncomingEvents.PoisonEventException;
import org.claimflow.billing.outbox.EventEnvelope;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Corrected claims (README, "Corrections"): a replacement (CLM05-3 7) or a void (8) of a claim the payer
 * adjudicated. The corrected claim is a new claim row for the same encounter (new id, new patient control
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
    private final MeterRegistry metrics;
    private final PatientAccountService patients;

    public ClaimCorrectionService(Inbox inbox, Clock clock, MeterRegistry metrics, PatientAccountService patients) {
        this.inbox = inbox;
        this.clock = clock;
        this.metrics = metrics;
        this.patients = patients;
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
        boolean replacement = "7".equals(event.frequencyCode());
        String what = replacement ? "replacement" : "void";
        ClaimCorrection existing = ClaimCorrection.findById(event.correctionId());
        if (existing != null) {
            // The business key: one correction per correction id, whatever the event id.
            ClaimEvent.record(original.id, now, "CORRECTION_DUPLICATE_IGNORED", "Correction %s was requested again (event %s); nothing changed."
                    .formatted(event.correctionId(), envelope.eventId()));
            return;
        }
        ClaimCorrection correction = new ClaimCorrection();
        correction.correctionId = event.correctionId();
        correction.practiceId = envelope.practiceId();
        correction.denialId = event.denialId();
        correction.originalClaimId = original.id;
        correction.frequencyCode = event.frequencyCode();
        correction.reason = event.reason() == null ? "" : event.reason();
        correction.requestedAt = now;

        String refusal = refusal(original);
        if (refusal != null) {
            correction.status = ClaimCorrection.NOT_CORRECTABLE;
            correction.persist();
            ClaimEvent.record(original.id, now, "CORRECTION_NOT_POSSIBLE", "%s requested for denial %s (correction %s) not created: %s."
                    .formatted(capitalized(what), event.denialId(), event.correctionId(), refusal));
            metrics.counter("claimflow.claims.corrections", "frequency", event.frequencyCode(), "result", "refused").increment();
            return;
        }

        Claim corrected = copyOf(original, event.frequencyCode(), now);
        corrected.persist();
        for (ClaimLine line : ClaimLine.of(original.id)) {
            ClaimLine copy = new ClaimLine();
            copy.claimId = corrected.id;
            copy.lineNumber = line.lineNumber;
            copy.procedureCode = line.procedureCode;
            copy.modifiers = line.modifiers;
            copy.units = line.units;
            copy.diagnosisPointers = line.diagnosisPointers;
            copy.chargeAmount = line.chargeAmount;
            copy.lineItemControlNumber = PatientControlNumberPolicy.lineItemControlNumber(corrected.patientControlNumber, line.lineNumber);
            copy.paidAmount = BigDecimal.ZERO.setScale(2);
            copy.persist();
        }
        patients.accountFor(corrected);
        correction.correctedClaimId = corrected.id;
        correction.status = ClaimCorrection.REQUESTED;
        correction.persist();

        String numberNote = event.payerClaimControlNumber() != null
                && !Objects.equals(event.payerClaimControlNumber(), original.payerClaimControlNumber)
                ? " (the request named payer claim number " + event.payerClaimControlNumber() + "; ours is used)" : "";
        String reason = event.reason() == null ? "" : " Reason: " + event.reason();
        ClaimEvent.record(original.id, now, replacement ? "REPLACEMENT_REQUESTED" : "VOID_REQUESTED",
                "%s requested for denial %s (correction %s): claim %s (%s, frequency %s, REF*F8 %s)%s.%s".formatted(
                        capitalized(what), event.denialId(), event.correctionId(), corrected.id, corrected.patientControlNumber,
                        corrected.frequencyCode, corrected.originalPayerClaimControlNumber, numberNote, reason));
        ClaimEvent.record(corrected.id, now, replacement ? "REPLACEMENT_REQUESTED" : "VOID_REQUESTED",
                ("%s requested for denial %s (correction %s) of claim %s (%s, payer claim %s); ready to submit without a new "
                        + "eligibility check (coverage was checked for the original claim).%s").formatted(
                        capitalized(what), event.denialId(), event.correctionId(), original.id, original.patientControlNumber,
                        original.payerClaimControlNumber, reason));
        LOG.infof("correction %s: %s claim %s for claim %s", event.correctionId(), what, corrected.id, original.id);
        metrics.counter("claimflow.claims.corrections", "frequency", event.frequencyCode(), "result", "created").increment();
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
    private static String refusal(Claim original) {
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
        c.diagnoses = o.diagnoses;
        c.totalCharge = o.totalCharge;
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
