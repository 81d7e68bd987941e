package org.claimflow.denial.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.claimflow.denial.domain.Appeal;
import org.claimflow.denial.domain.AppealDeadlinePolicy;
import org.claimflow.denial.domain.AppealLevel;
import org.claimflow.denial.domain.AppealStatus;
import org.claimflow.denial.domain.AppealTerms;
import org.claimflow.denial.domain.ClaimParty;
import org.claimflow.denial.domain.Denial;
import org.claimflow.denial.domain.DenialHistory;
import org.claimflow.denial.domain.DenialStatus;
import org.claimflow.denial.domain.InvalidTransitionException;
import org.claimflow.denial.domain.PayerAppealTerms;
import org.claimflow.denial.metrics.DenialMetrics;
import org.claimflow.denial.rest.AppealOutcomeRequest;
import org.claimflow.denial.rest.AppealRequest;
import org.claimflow.denial.rest.AppealResponse;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Appeals of denials: drafted with a letter (HTML or PDF), submitted (denial APPEALED), decided (denial
 * WON or LOST). The first level follows the payer's kind: Medicare redetermination, else the commercial
 * first-level appeal; its deadline comes from {@link AppealDeadlinePolicy}.
 */
@ApplicationScoped
public class AppealService {

    private final IdempotencyStore idempotency;
    private final Clock clock;
    private final DenialMetrics metrics;

    @Inject
    @Location("appeal-letter.html")
    Template letterTemplate;

    public AppealService(IdempotencyStore idempotency, Clock clock, DenialMetrics metrics) {
        this.idempotency = idempotency;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Drafts an appeal; an OPEN denial becomes IN_PROGRESS, since someone now works it. */
    @Transactional
    public Created create(UUID denialId, AppealRequest request, String actor, String idempotencyKey) {
        Denial denial = DenialService.require(denialId);
        return idempotency.once(denial.practiceId, idempotencyKey, "POST /api/v1/denials/" + denialId + "/appeals", request, () -> {
            if (denial.status != DenialStatus.OPEN && denial.status != DenialStatus.IN_PROGRESS) {
                throw new InvalidTransitionException("A denial " + denial.status + " cannot be appealed.");
            }
            if (Appeal.count("denialId = ?1 and status in ?2", denial.id, List.of(AppealStatus.DRAFT, AppealStatus.SUBMITTED)) > 0) {
                throw new ConflictException("This denial already has an appeal in progress.");
            }
            Instant now = clock.instant();
            if (denial.status == DenialStatus.OPEN) {
                DenialWorkService.transition(denial, DenialStatus.IN_PROGRESS, actor, "appeal drafted", now);
            }
            AppealTerms terms = PayerAppealTerms.forPayer(denial.payerId);
            Appeal appeal = new Appeal();
            appeal.id = UUID.randomUUID();
            appeal.denialId = denial.id;
            appeal.practiceId = denial.practiceId;
            appeal.level = AppealLevel.firstFor(terms.kind());
            appeal.status = AppealStatus.DRAFT;
            appeal.reason = request.reason();
            appeal.attachments = request.attachments() == null ? List.of() : List.copyOf(request.attachments());
            appeal.deadline = AppealDeadlinePolicy.deadline(terms, denial.remittanceDate);
            appeal.createdBy = actor;
            appeal.createdAt = now;
            appeal.updatedAt = now;
            appeal.persist();
            DenialHistory.record(denial, now, actor, "APPEAL_DRAFTED", appeal.level + " appeal drafted; file by " + appeal.deadline + ".");
            return new IdempotencyStore.Result(201, "/api/v1/appeals/" + appeal.id, toResponse(appeal));
        });
    }

    @Transactional
    public AppealResponse get(UUID id) {
        return toResponse(require(id));
    }

    @Transactional
    public AppealResponse submit(UUID id, String actor) {
        Appeal appeal = require(id);
        if (appeal.status != AppealStatus.DRAFT) {
            throw new InvalidTransitionException("An appeal " + appeal.status + " cannot be submitted again.");
        }
        Denial denial = DenialService.require(appeal.denialId);
        Instant now = clock.instant();
        DenialWorkService.transition(denial, DenialStatus.APPEALED, actor, "appeal submitted to " + denial.payerId, now);
        appeal.status = AppealStatus.SUBMITTED;
        appeal.submittedOn = LocalDate.ofInstant(now, clock.getZone());
        appeal.updatedAt = now;
        metrics.appeal(AppealStatus.SUBMITTED);
        return toResponse(appeal);
    }

    @Transactional
    public AppealResponse decide(UUID id, AppealOutcomeRequest request, String actor) {
        Appeal appeal = require(id);
        if (appeal.status != AppealStatus.SUBMITTED) {
            throw new InvalidTransitionException("An appeal " + appeal.status + " cannot receive an outcome.");
        }
        boolean won = "WON".equals(request.outcome());
        if (won && request.recoveredAmount() == null) {
            throw new InvalidRequestException("recoveredAmount", "is required when the appeal was won");
        }
        Denial denial = DenialService.require(appeal.denialId);
        Instant now = clock.instant();
        BigDecimal recovered = won ? request.recoveredAmount().setScale(2) : BigDecimal.ZERO.setScale(2);
        DenialWorkService.transition(denial, won ? DenialStatus.WON : DenialStatus.LOST, actor,
                won ? "appeal won, " + recovered.toPlainString() + " recovered" : "appeal lost", now);
        appeal.status = won ? AppealStatus.WON : AppealStatus.LOST;
        appeal.decidedOn = LocalDate.ofInstant(now, clock.getZone());
        appeal.recoveredAmount = recovered;
        appeal.updatedAt = now;
        metrics.appeal(appeal.status);
        return toResponse(appeal);
    }

    @Transactional
    public String letterHtml(UUID id) {
        Appeal appeal = require(id);
        return letterTemplate.data("letter", letter(appeal, DenialService.require(appeal.denialId))).render();
    }

    /** The same letter as PDF, rendered from the HTML (which the template keeps well-formed XHTML). */
    public byte[] letterPdf(UUID id) {
        String html = letterHtml(id);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AppealLetter letter(Appeal appeal, Denial denial) {
        List<AppealLetter.Code> codes = DenialService.describe(denial).stream()
                .map(c -> new AppealLetter.Code(c.kind(), c.code(), c.description())).toList();
        String amount = denial.amount.setScale(2).toPlainString();
        List<String> lineCodes = new ArrayList<>();
        denial.reasonCodes.forEach(c -> lineCodes.add(denial.groupCode == null ? c : denial.groupCode + "-" + c));
        lineCodes.addAll(denial.remarkCodes);
        List<AppealLetter.Line> lines = List.of(new AppealLetter.Line(
                denial.claimLevel() ? "whole claim" : Integer.toString(denial.lineNumber),
                denial.procedureCode == null ? "-" : denial.procedureCode,
                lineCodes.isEmpty() ? "-" : String.join(", ", lineCodes), amount));
        ClaimParty party = ClaimParty.findById(denial.claimId);
        List<String> letterhead = letterhead(party);
        return new AppealLetter(denial.practiceId, letterhead, !letterhead.isEmpty(), denial.payerId,
                appeal.level == AppealLevel.REDETERMINATION ? "redetermination" : "first-level appeal",
                patient(party, denial), memberId(party),
                text(denial.patientControlNumber), text(denial.payerClaimControlNumber),
                denial.dateOfService == null ? "-" : denial.dateOfService.toString(), denial.remittanceDate.toString(),
                lines, codes, amount, appeal.reason, appeal.attachments, !appeal.attachments.isEmpty(),
                appeal.deadline.toString(), LocalDate.ofInstant(clock.instant(), clock.getZone()).toString());
    }

    /** The billing provider's name, address lines and NPI as reported; empty when its name was not reported. */
    private static List<String> letterhead(ClaimParty party) {
        if (party == null || blank(party.providerName)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(party.providerName);
        if (!blank(party.providerAddressLine1)) {
            lines.add(party.providerAddressLine1);
        }
        if (!blank(party.providerAddressLine2)) {
            lines.add(party.providerAddressLine2);
        }
        String cityLine = String.join(" ", Stream.of(
                blank(party.providerCity) ? null : party.providerCity + (blank(party.providerState) ? "" : ","),
                party.providerState, party.providerPostalCode).filter(p -> !blank(p)).toList());
        if (!cityLine.isEmpty()) {
            lines.add(cityLine);
        }
        lines.add(blank(party.providerNpi) ? "NPI: not reported with this claim" : "NPI " + party.providerNpi);
        return lines;
    }

    private static String patient(ClaimParty party, Denial denial) {
        boolean named = party != null && !blank(party.patientFirstName) && !blank(party.patientLastName);
        String dob = party == null || party.patientDateOfBirth == null ? null : party.patientDateOfBirth.toString();
        if (!named) {
            return "name not reported with this claim; please identify the patient by the patient control number "
                    + text(denial.patientControlNumber) + (dob == null ? "." : " (date of birth " + dob + ").");
        }
        return party.patientFirstName + " " + party.patientLastName
                + (dob == null ? " (date of birth not reported with this claim)" : ", date of birth " + dob);
    }

    private static String memberId(ClaimParty party) {
        return party == null || blank(party.memberId) ? "not reported with this claim; the claim numbers above identify the claim"
                : party.memberId;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String text(String value) {
        return value == null ? "-" : value;
    }

    private static Appeal require(UUID id) {
        Appeal appeal = Appeal.findById(id);
        if (appeal == null) {
            throw new NotFoundException("No appeal with this id.");
        }
        return appeal;
    }

    private static AppealResponse toResponse(Appeal a) {
        return new AppealResponse(a.id, a.denialId, a.practiceId, a.level, a.status, a.reason, a.attachments,
                a.deadline, a.submittedOn, a.decidedOn, a.recoveredAmount, a.createdBy, a.createdAt, a.updatedAt);
    }
}
