package org.claimflow.billing.service;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.claimflow.billing.config.SubmissionConfig;
import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.domain.ClaimLine;
import org.claimflow.billing.x12.Address;
import org.claimflow.billing.x12.BillingProvider;
import org.claimflow.billing.x12.ClaimBatch;
import org.claimflow.billing.x12.ClaimFrequency;
import org.claimflow.billing.x12.ControlNumbers;
import org.claimflow.billing.x12.Payer;
import org.claimflow.billing.x12.PersonName;
import org.claimflow.billing.x12.ProfessionalClaim;
import org.claimflow.billing.x12.RenderingProvider;
import org.claimflow.billing.x12.ServiceLine;
import org.claimflow.billing.x12.Sex;
import org.claimflow.billing.x12.Subscriber;
import org.claimflow.billing.x12.SubmitterContact;
import org.claimflow.billing.x12.TradingPartner;
import org.claimflow.billing.x12.UsageIndicator;

import jakarta.enterprise.context.ApplicationScoped;

/** Turns stored claims into what the 837P writer takes. */
@ApplicationScoped
public class ClaimBatchMapper {

    private final SubmissionConfig config;

    public ClaimBatchMapper(SubmissionConfig config) {
        this.config = config;
    }

    /** What keeps a claim from being written at all, before the writer's own checks; empty when none. */
    public List<String> problems(Claim claim) {
        List<String> problems = new ArrayList<>();
        if (!"self".equals(claim.relationship)) {
            // The encounter carries the patient only; a dependent's claim needs the subscriber's own name and
            // birth date, which no upstream event sends yet.
            problems.add("coverage.relationship is " + claim.relationship
                    + ": the subscriber's own data is needed for a dependent's claim and was not sent");
        }
        return problems;
    }

    public ClaimBatch batch(ControlNumbers numbers, LocalDateTime createdAt, List<Claim> claims, List<List<ClaimLine>> lines) {
        List<ProfessionalClaim> professional = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            professional.add(claim(claims.get(i), lines.get(i)));
        }
        return new ClaimBatch(
                TradingPartner.mutuallyDefined(config.senderId(), config.senderName()),
                TradingPartner.mutuallyDefined(config.receiverId(), config.receiverName()),
                new SubmitterContact(config.contactName(), config.contactPhone(), null),
                numbers,
                "P".equals(config.usageIndicator()) ? UsageIndicator.PRODUCTION : UsageIndicator.TEST,
                createdAt,
                UUID.randomUUID().toString().replace("-", "").substring(0, 30).toUpperCase(Locale.ROOT),
                professional);
    }

    private ProfessionalClaim claim(Claim c, List<ClaimLine> lines) {
        var billing = new BillingProvider(c.billingName, c.billingNpi, c.billingTaxId,
                new Address(c.billingLine1, c.billingLine2, c.billingCity, c.billingState, c.billingPostalCode), null);
        var subscriber = new Subscriber(c.memberId, PersonName.of(c.patientLastName, c.patientFirstName), c.patientDateOfBirth,
                sex(c.patientSex), new Address(c.patientLine1, c.patientLine2, c.patientCity, c.patientState, c.patientPostalCode));
        var payer = new Payer(c.payerId, c.payerId,
                config.claimFilingIndicators().getOrDefault(c.payerId, config.defaultClaimFilingIndicator()));
        RenderingProvider rendering = c.renderingNpi == null ? null
                : new RenderingProvider(PersonName.of(c.renderingLastName, c.renderingFirstName), c.renderingNpi, null);
        List<ServiceLine> serviceLines = lines.stream().map(l -> new ServiceLine(l.procedureCode.toUpperCase(Locale.ROOT),
                l.modifierList(), l.chargeAmount, BigDecimal.valueOf(l.units), l.pointerList(), c.dateOfService,
                l.lineItemControlNumber)).toList();
        return new ProfessionalClaim(billing, subscriber, payer, null, c.patientControlNumber, c.totalCharge,
                c.placeOfService, frequency(c.frequencyCode), "1".equals(c.frequencyCode) ? null : originalClaimNumber(c),
                c.diagnosisList(), rendering, serviceLines);
    }

    /** REF*F8: the corrected claim's payer claim control number (never this claim's own, which the 277CA fills in). */
    private static String originalClaimNumber(Claim c) {
        return c.originalPayerClaimControlNumber != null ? c.originalPayerClaimControlNumber : c.payerClaimControlNumber;
    }

    private static ClaimFrequency frequency(String code) {
        return switch (code) {
            case "7" -> ClaimFrequency.REPLACEMENT;
            case "8" -> ClaimFrequency.VOID;
            default -> ClaimFrequency.ORIGINAL;
        };
    }

    private static Sex sex(String code) {
        return switch (code) {
            case "F" -> Sex.FEMALE;
            case "M" -> Sex.MALE;
            default -> Sex.UNKNOWN;
        };
    }
}
