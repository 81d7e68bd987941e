package org.claimflow.billing.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.claimflow.billing.config.BillingConfig;
import org.claimflow.billing.domain.ChargeMaster;
import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.domain.ClaimEvent;
import org.claimflow.billing.domain.ClaimLine;
import org.claimflow.billing.domain.ClaimStatus;
import org.claimflow.billing.domain.PatientControlNumberPolicy;
import org.claimflow.billing.domain.ProviderRegistry;
import org.claimflow.billing.inbox.Inbox;
import org.claimflow.billing.messaging.ClaimAssembledEvent;
import org.claimflow.billing.messaging.EligibilityCheckedEvent;
import org.claimflow.billing.messaging.EncounterCodedEvent;
import org.claimflow.billing.messaging.IncomingEvents.PoisonEventException;
import org.claimflow.billing.messaging.Topics;
import org.claimflow.billing.metrics.CommittedCounters;
import org.claimflow.billing.outbox.EventEnvelope;
import org.claimflow.billing.outbox.OutboxWriter;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Claim assembly and eligibility: the transaction boundary for what billing consumes. */
@ApplicationScoped
public class ClaimService {

    private static final Logger LOG = Logger.getLogger(ClaimService.class);
    static final String ENCOUNTER_CODED_CONSUMER = "billing-service.encounter-coded";
    static final String ELIGIBILITY_CHECKED_CONSUMER = "billing-service.eligibility-checked";

    private final EntityManager em;
    private final OutboxWriter outbox;
    private final Inbox inbox;
    private final Clock clock;
    private final BillingConfig config;
    private final CommittedCounters metrics;

    private final PatientAccountService patients;
    private final ClaimCorrectionService corrections;
    private final Event<ClaimReadyToSubmit> ready;

    public ClaimService(EntityManager em, OutboxWriter outbox, Inbox inbox, Clock clock, BillingConfig config,
                        CommittedCounters metrics, PatientAccountService patients, ClaimCorrectionService corrections,
                        Event<ClaimReadyToSubmit> ready) {
        this.em = em;
        this.ready = ready;
        this.corrections = corrections;
        this.patients = patients;
        this.outbox = outbox;
        this.inbox = inbox;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Builds the claim of a coded encounter and publishes ClaimAssembled. A redelivered event is skipped by
     * the inbox; the same encounter published twice (a different event id) finds its claim by the business
     * key and publishes nothing new. An encounter a coder corrected after a coding denial (a non-null
     * {@code correction}) becomes a replacement of the denied claim instead ({@link ClaimCorrectionService}).
     */
    @Transactional
    public void assemble(EventEnvelope envelope, EncounterCodedEvent event) {
        requireAssemblable(event);
        if (!inbox.markProcessed(envelope.eventId(), ENCOUNTER_CODED_CONSUMER, envelope.practiceId())) {
            LOG.debugf("EncounterCoded %s already processed", envelope.eventId());
            return;
        }
        if (event.correction() != null) {
            corrections.replaceFromEncounter(envelope, event);
            return;
        }
        Claim existing = Claim.findByEncounter(event.encounterId());
        if (existing != null) {
            LOG.infof("encounter %s already has claim %s; EncounterCoded %s ignored", event.encounterId(), existing.id,
                    envelope.eventId());
            ClaimEvent.record(existing.id, clock.instant(), "DUPLICATE_ENCOUNTER_IGNORED",
                    "EncounterCoded " + envelope.eventId() + " repeated an encounter that already has this claim.");
            return;
        }
        Instant now = clock.instant();
        Claim claim = new Claim();
        claim.id = UUID.randomUUID();
        claim.practiceId = envelope.practiceId();
        claim.encounterId = event.encounterId();
        claim.externalId = event.externalId();
        claim.patientControlNumber = PatientControlNumberPolicy.patientControlNumber(claim.id);
        claim.status = ClaimStatus.ASSEMBLED;
        claim.frequencyCode = "1";
        claim.payerId = event.coverage().payerId();
        claim.memberId = event.coverage().memberId();
        claim.relationship = event.coverage().relationship();
        var patient = event.patient();
        claim.patientFirstName = patient.firstName();
        claim.patientLastName = patient.lastName();
        claim.patientDateOfBirth = patient.dateOfBirth();
        claim.patientSex = patient.sex();
        claim.patientLine1 = patient.address().line1();
        claim.patientLine2 = patient.address().line2();
        claim.patientCity = patient.address().city();
        claim.patientState = patient.address().state();
        claim.patientPostalCode = patient.address().postalCode();
        fillBillingProvider(claim, event.billingProvider());
        if (event.renderingProvider() != null) {
            claim.renderingNpi = event.renderingProvider().npi();
            claim.renderingFirstName = event.renderingProvider().firstName();
            claim.renderingLastName = event.renderingProvider().lastName();
        }
        claim.placeOfService = event.placeOfService();
        claim.dateOfService = event.dateOfService();
        claim.diagnoses = String.join(",", event.diagnoses());
        claim.paidAmount = BigDecimal.ZERO.setScale(2);
        claim.adjustedAmount = BigDecimal.ZERO.setScale(2);
        claim.patientResponsibility = BigDecimal.ZERO.setScale(2);
        claim.createdAt = now;
        claim.updatedAt = now;

        List<ClaimLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int fromChargeMaster = 0;
        for (int i = 0; i < event.serviceLines().size(); i++) {
            EncounterCodedEvent.ServiceLine source = event.serviceLines().get(i);
            ClaimLine line = new ClaimLine();
            line.claimId = claim.id;
            line.lineNumber = i + 1;
            line.procedureCode = source.procedureCode();
            line.modifiers = String.join(",", source.modifiersOrEmpty());
            line.units = source.units();
            line.diagnosisPointers = String.join(",", source.diagnosisPointers().stream().map(String::valueOf).toList());
            // The practice's charge master wins over what the encounter says: the practice bills one price per code.
            var master = ChargeMaster.amount(em, claim.practiceId, source.procedureCode());
            BigDecimal unitCharge = master.orElse(null);
            if (unitCharge != null) {
                fromChargeMaster++;
                line.chargeAmount = unitCharge.multiply(BigDecimal.valueOf(source.units())).setScale(2);
            } else {
                line.chargeAmount = source.chargeAmount().setScale(2);
            }
            line.lineItemControlNumber = PatientControlNumberPolicy.lineItemControlNumber(claim.patientControlNumber, line.lineNumber);
            line.paidAmount = BigDecimal.ZERO.setScale(2);
            total = total.add(line.chargeAmount);
            lines.add(line);
        }
        claim.totalCharge = total;
        ClaimTracing.remember(claim);
        claim.persist();
        lines.forEach(l -> l.persist());
        patients.accountFor(claim);
        ClaimEvent.record(claim.id, now, "ASSEMBLED", "Claim %s assembled from encounter %s: %d line(s), total %s (%d priced from the charge master)."
                .formatted(claim.patientControlNumber, claim.encounterId, lines.size(), total.toPlainString(), fromChargeMaster));

        String id = claim.id.toString();
        outbox.append(Topics.CLAIM_ASSEMBLED, Topics.CLAIM_ASSEMBLED_TYPE, claim.practiceId, id,
                correlation(envelope, claim), envelope.eventId().toString(), assembledEvent(claim, lines));
        metrics.increment("claimflow.claims.assembled");
    }

    /** Eligible: the claim may go out. Not eligible (inactive, unknown member, payer unreachable): held. */
    @Transactional
    public void applyEligibility(EventEnvelope envelope, EligibilityCheckedEvent event) {
        if (event.claimId() == null || event.eligible() == null) {
            throw new PoisonEventException("EligibilityChecked without a claimId or an eligible flag");
        }
        if (!inbox.markProcessed(envelope.eventId(), ELIGIBILITY_CHECKED_CONSUMER, envelope.practiceId())) {
            return;
        }
        Claim claim = Claim.findById(event.claimId());
        if (claim == null) {
            // Never ours (another environment's claim): nothing can ever make this event processable.
            throw new PoisonEventException("EligibilityChecked for an unknown claim");
        }
        Instant now = clock.instant();
        if (claim.status != ClaimStatus.ASSEMBLED && claim.status != ClaimStatus.NOT_ELIGIBLE) {
            ClaimEvent.record(claim.id, now, "ELIGIBILITY_IGNORED",
                    "Eligibility result %s arrived while the claim was %s; nothing changed.".formatted(event.status(), claim.status));
            return;
        }
        claim.updatedAt = now;
        if (event.eligible()) {
            claim.status = ClaimStatus.READY_TO_SUBMIT;
            ready.fire(new ClaimReadyToSubmit());
            ClaimEvent.record(claim.id, now, "ELIGIBLE", "Coverage active" + (event.planName() == null ? "" : " (" + event.planName() + ")")
                    + "; ready to submit.");
        } else {
            claim.status = ClaimStatus.NOT_ELIGIBLE;
            ClaimEvent.record(claim.id, now, "NOT_ELIGIBLE", "Not eligible: %s%s%s. Held; not submitted.".formatted(
                    event.status(),
                    event.reasonCode() == null ? "" : " " + event.reasonCode(),
                    event.reason() == null ? "" : " (" + event.reason() + ")"));
        }
        metrics.increment("claimflow.claims.eligibility", "eligible", event.eligible().toString());
    }

    private void fillBillingProvider(Claim claim, EncounterCodedEvent.BillingProvider provider) {
        claim.billingNpi = provider.npi();
        claim.billingTaxId = provider.taxId();
        claim.billingName = provider.name();
        var registered = ProviderRegistry.find(em, claim.practiceId, provider.npi());
        if (registered.isPresent()) {
            var a = registered.get();
            setBillingAddress(claim, a.line1(), a.line2(), a.city(), a.state(), a.postalCode());
        } else if (provider.address() != null) {
            var a = provider.address();
            setBillingAddress(claim, a.line1(), a.line2(), a.city(), a.state(), a.postalCode());
        } else {
            var a = config.defaultBillingAddress();
            setBillingAddress(claim, a.line1(), a.line2().orElse(null), a.city(), a.state(), a.postalCode());
        }
    }

    private static void setBillingAddress(Claim claim, String line1, String line2, String city, String state, String postalCode) {
        claim.billingLine1 = line1;
        claim.billingLine2 = line2;
        claim.billingCity = city;
        claim.billingState = state;
        claim.billingPostalCode = postalCode;
    }

    private static void requireAssemblable(EncounterCodedEvent e) {
        if (e.encounterId() == null || e.dateOfService() == null || e.placeOfService() == null || e.patient() == null
                || e.patient().address() == null || e.coverage() == null || e.billingProvider() == null
                || e.diagnoses() == null || e.diagnoses().isEmpty() || e.serviceLines() == null || e.serviceLines().isEmpty()) {
            throw new PoisonEventException("EncounterCoded lacks the encounter id, date or place of service, patient, "
                    + "coverage, billing provider, diagnoses or service lines");
        }
        for (var line : e.serviceLines()) {
            if (line.procedureCode() == null || line.units() == null || line.units() < 1 || line.chargeAmount() == null
                    || line.chargeAmount().scale() > 2 || line.diagnosisPointers() == null || line.diagnosisPointers().isEmpty()) {
                throw new PoisonEventException("EncounterCoded has a service line without code, units, pointers or a cents charge");
            }
        }
    }

    static String correlation(EventEnvelope envelope, Claim claim) {
        return envelope.correlationId() != null ? envelope.correlationId() : claim.encounterId.toString();
    }

    static ClaimAssembledEvent assembledEvent(Claim claim, List<ClaimLine> lines) {
        return new ClaimAssembledEvent(claim.id, claim.encounterId, claim.patientControlNumber, claim.payerId, claim.memberId,
                claim.relationship,
                new ClaimAssembledEvent.Subscriber(claim.patientFirstName, claim.patientLastName, claim.patientDateOfBirth, claim.patientSex),
                claim.billingNpi, claim.dateOfService, claim.placeOfService, claim.totalCharge,
                lines.stream().map(l -> new ClaimAssembledEvent.Line(l.lineNumber, l.procedureCode, l.modifierList(), l.units,
                        l.chargeAmount)).toList());
    }
}
