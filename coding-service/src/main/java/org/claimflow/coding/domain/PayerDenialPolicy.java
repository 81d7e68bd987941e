package org.claimflow.coding.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A payer denied the claim for coding: the encounter is held by a {@code PAYER_DENIAL} error until a coder either
 * corrects it (billing then sends a replacement claim) or overrides it, saying the billed codes were right.
 */
public final class PayerDenialPolicy {

    public static final String RULE_ID = "PAYER_DENIAL";
    /** The denial-routed queue whose denials re-open an encounter; the others are worked elsewhere. */
    public static final String CODING_QUEUE = "CODING";
    /** CLM05-3 of a replacement of a prior claim. */
    public static final String REPLACEMENT_FREQUENCY = "7";

    private PayerDenialPolicy() {
    }

    public static boolean reopens(String queue) {
        return CODING_QUEUE.equals(queue);
    }

    /**
     * The finding a coder sees.
     *
     * @param procedureCodes the encounter's procedure codes by line (index 0 is line 1)
     */
    public static Finding finding(PayerDenial denial, List<String> procedureCodes) {
        List<Integer> lines = denial.lineNumbers() == null ? List.of() : List.copyOf(denial.lineNumbers());
        Set<String> codes = new LinkedHashSet<>();
        List<String> lineWords = new ArrayList<>();
        for (Integer line : lines) {
            if (line >= 1 && line <= procedureCodes.size()) {
                codes.add(procedureCodes.get(line - 1));
                lineWords.add("line " + line + " (" + procedureCodes.get(line - 1) + ")");
            } else {
                lineWords.add("line " + line);
            }
        }
        String message = "Payer " + denial.payerId() + " denied " + (lines.isEmpty() ? "" : String.join(", ", lineWords) + " of ")
                + "claim " + denial.claimId()
                + (denial.payerClaimControlNumber() == null ? "" : " (payer claim number " + denial.payerClaimControlNumber() + ")")
                + (lines.isEmpty() ? " as a whole" : "") + " for a coding reason: " + reasons(denial)
                + (denial.remarkCodes() == null || denial.remarkCodes().isEmpty() ? "" : "; remark codes " + String.join(", ", denial.remarkCodes()))
                + ".";
        String fix = "If the codes were wrong, correct them (POST /corrections): billing then sends a replacement claim "
                + "(frequency 7" + (denial.payerClaimControlNumber() == null ? "" : ", REF*F8 " + denial.payerClaimControlNumber())
                + ") with the corrected codes. If the codes were right, override " + RULE_ID + " with your reason: nothing is "
                + "re-sent and the denial stays with billing for an appeal.";
        return Finding.error(RULE_ID, message, List.copyOf(codes), lines, "payer remittance " + denial.payerId(), fix);
    }

    /** "CARC 11 (The diagnosis is inconsistent with the procedure.), CARC 16" — descriptions when the payer gave them. */
    static String reasons(PayerDenial denial) {
        List<String> codes = denial.reasonCodes() == null ? List.of() : denial.reasonCodes();
        if (codes.isEmpty()) {
            return "no reason code given";
        }
        return codes.stream().map(code -> {
            String description = denial.reasons() == null ? null : denial.reasons().stream()
                    .filter(r -> code.equals(r.reasonCode()) && r.description() != null && !r.description().isBlank())
                    .map(PayerDenial.Reason::description).findFirst().orElse(null);
            String group = denial.groupCode() == null ? "" : denial.groupCode() + "-";
            return "CARC " + group + code + (description == null ? "" : " (" + description.strip() + ")");
        }).collect(Collectors.joining(", "));
    }
}
