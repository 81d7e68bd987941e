package org.claimflow.denial.service;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * What the appeal letter template ({@code templates/appeal-letter.html}) prints; every value is already
 * formatted text. The denial event carries no patient name, so {@code patient} points to the claim.
 */
@TemplateData
public record AppealLetter(String practiceId, String payerId, String level, String patient,
                           String patientControlNumber, String payerClaimControlNumber, String dateOfService,
                           String remittanceDate, List<Line> lines, List<Code> codes, String amount, String reason,
                           List<String> attachments, boolean attachmentsListed, String deadline, String preparedOn) {

    @TemplateData
    public record Line(String lineNumber, String procedureCode, String amount) {
    }

    @TemplateData
    public record Code(String kind, String code, String description) {
    }
}
