package org.claimflow.eligibility.service;

import java.util.List;
import java.util.Map;

import org.claimflow.eligibility.service.InvalidInquiryException.FieldProblem;

/**
 * Names the 270 writer's problems after the fields of our API, so that a client learns which of its fields
 * to correct. The writer's problems start with the inquiry's field and never quote a value.
 */
final class InquiryProblems {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("provider.npi", "providerNpi"),
            Map.entry("provider.lastOrOrganizationName", "providerName"),
            Map.entry("payer.id", "payerId"),
            Map.entry("payer.name", "payerId"),
            Map.entry("envelope.receiverId", "payerId"),
            Map.entry("subscriber.memberId", "memberId"),
            Map.entry("subscriber.firstName", "subscriber.firstName"),
            Map.entry("subscriber.lastName", "subscriber.lastName"),
            Map.entry("subscriber.dateOfBirth", "subscriber.dateOfBirth"),
            Map.entry("dateOfService", "dateOfService"),
            Map.entry("serviceTypeCodes", "serviceTypeCodes"));

    private InquiryProblems() {
    }

    static List<FieldProblem> toFields(List<String> problems) {
        return problems.stream().map(InquiryProblems::toField).toList();
    }

    private static FieldProblem toField(String problem) {
        int space = problem.indexOf(' ');
        String first = space < 0 ? problem : problem.substring(0, space);
        String field = FIELDS.entrySet().stream()
                .filter(e -> first.equals(e.getKey()) || first.startsWith(e.getKey() + "["))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        return field == null ? new FieldProblem("body", problem) : new FieldProblem(field, problem.substring(space + 1));
    }
}
