package org.claimflow.billing.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.domain.ClaimBalance;
import org.claimflow.billing.domain.ClaimEvent;
import org.claimflow.billing.domain.ClaimLine;
import org.claimflow.billing.domain.ClaimStatus;
import org.claimflow.billing.domain.LineAdjustment;
import org.claimflow.billing.domain.StoredScrubFinding;
import org.claimflow.billing.domain.Submission;
import org.claimflow.billing.rest.ClaimResponse;
import org.claimflow.billing.rest.PageResponse;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads claims for the API. */
@ApplicationScoped
public class ClaimQueryService {

    @Transactional
    public ClaimResponse get(UUID id) {
        Claim claim = Claim.findById(id);
        if (claim == null) {
            throw new NotFoundException("No claim with this id.");
        }
        return toResponse(claim, true);
    }

    @Transactional
    public PageResponse<ClaimResponse> list(UUID encounterId, String practiceId, ClaimStatus status, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (encounterId != null) {
            params.add(encounterId);
            query.append(" and encounterId = ?").append(params.size());
        }
        if (practiceId != null) {
            params.add(practiceId);
            query.append(" and practiceId = ?").append(params.size());
        }
        if (status != null) {
            params.add(status);
            query.append(" and status = ?").append(params.size());
        }
        var found = Claim.find(query.toString(), Sort.by("createdAt").and("id"), params.toArray()).page(Page.of(page, size));
        List<ClaimResponse> items = found.<Claim>list().stream().map(c -> toResponse(c, false)).toList();
        return new PageResponse<>(items, page, size, found.count());
    }

    /** The 837P the claim went out in. */
    @Transactional
    public String x12(UUID id) {
        Claim claim = Claim.findById(id);
        if (claim == null) {
            throw new NotFoundException("No claim with this id.");
        }
        Submission submission = claim.submissionId == null ? null : Submission.findById(claim.submissionId);
        if (submission == null) {
            throw new NotFoundException("This claim has not been written into an 837P yet.");
        }
        return submission.x12;
    }

    private static ClaimResponse toResponse(Claim c, boolean detailed) {
        ClaimBalance balance = c.balance();
        var amounts = new ClaimResponse.Amounts(balance.charged(), balance.paid(), balance.adjusted(),
                balance.patientResponsibility(), balance.outstanding(), c.interestAmount);
        List<ClaimResponse.Line> lines = null;
        List<ClaimResponse.Adjustment> claimAdjustments = null;
        List<ClaimResponse.HistoryEntry> history = null;
        List<ClaimResponse.Finding> findings = null;
        ClaimResponse.Submission submission = null;
        if (detailed) {
            Map<Integer, List<ClaimResponse.Adjustment>> adjustments = LineAdjustment.ofClaim(c.id).stream()
                    .collect(Collectors.groupingBy(a -> a.lineNumber == null ? 0 : a.lineNumber,
                            Collectors.mapping(a -> new ClaimResponse.Adjustment(a.groupCode, a.reasonCode, ClaimBalance.cents(a.amount)),
                                    Collectors.toList())));
            lines = ClaimLine.of(c.id).stream().map(l -> new ClaimResponse.Line(l.lineNumber, l.procedureCode, l.modifierList(),
                    l.units, l.pointerList(), l.chargeAmount, l.paidAmount, l.allowedAmount, l.lineItemControlNumber,
                    adjustments.getOrDefault(l.lineNumber, List.of()))).toList();
            claimAdjustments = adjustments.getOrDefault(0, List.of());
            history = ClaimEvent.of(c.id).stream().map(h -> new ClaimResponse.HistoryEntry(h.occurredAt, h.kind, h.detail)).toList();
            findings = StoredScrubFinding.of(c.id).stream().map(f -> new ClaimResponse.Finding(f.ruleId, f.severity.name(), f.message,
                    f.field, f.suggestedFix)).toList();
            Submission s = c.submissionId == null ? null : Submission.findById(c.submissionId);
            if (s != null) {
                submission = new ClaimResponse.Submission(s.interchangeControlNumber, s.groupControlNumber,
                        s.transactionControlNumber, s.status.name(), s.sentAt);
            }
        }
        return new ClaimResponse(c.id, c.practiceId, c.encounterId, c.patientControlNumber, c.status, c.payerId, c.frequencyCode,
                c.payerClaimControlNumber, c.replacesClaimId, c.originalPayerClaimControlNumber, c.dateOfService, c.placeOfService, c.diagnosisList(), amounts, submission, lines,
                claimAdjustments, history, findings, c.createdAt, c.updatedAt);
    }
}
