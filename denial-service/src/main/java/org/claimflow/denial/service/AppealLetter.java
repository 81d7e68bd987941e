package org.claimflow.denial.service;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * What the appeal letter template ({@code templates/appeal-letter.html}) prints; every value is already
 * formatted text. The letterhead, patient and member id come from what billing reported with the claim
 * ({@code ClaimAdjudicated}); when something was not reported, the text says so instead of leaving a blank.
 *
 * @param letterhead       the billing provider's name, address lines and NPI, one entry per printed line
 * @param letterheadKnown  false when billing reported no provider name: the letter asks for the practice's letterhead
 */
@TemplateData
public record AppealLetter(String practiceId, List<String> letterhead, boolean letterheadKnown, String payerId,
                           String level, String patient, String memberId, String patientControlNumber,
                           String payerClaimControlNumber, String dateOfService, String remittanceDate, List<Line> lines,
                           List<Code> codes, String amount, String reason, List<String> attachments,
                           boolean attachmentsListed, String deadline, String preparedOn) {

    /** @param codes the line's denial codes, e.g. "CO-96, N130" (their descriptions are in {@code codes}) */
    @TemplateData
    public record Line(String lineNumber, String procedureCode, String codes, String amount) {
    }

    @TemplateData
    public record Code(String kind, String code, String description) {
    }
}
