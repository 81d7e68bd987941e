package org.claimflow.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.claimflow.billing.domain.AdjudicationOutcomePolicy.Adjust;
import org.claimflow.billing.domain.AdjudicationOutcomePolicy.Line;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdjudicationOutcomePolicyTest {

    /** "paid:GROUP-CARC-amount GROUP-CARC-amount" per line, lines separated by '|'. */
    private static List<Line> lines(String spec) {
        List<Line> lines = new ArrayList<>();
        for (String line : spec.split("\\|")) {
            String[] parts = line.trim().split(":");
            List<Adjust> adjustments = new ArrayList<>();
            if (parts.length > 1 && !parts[1].isBlank()) {
                for (String a : parts[1].trim().split(" ")) {
                    String[] f = a.split("-", 3);
                    adjustments.add(new Adjust(f[0], f[1], new BigDecimal(f[2])));
                }
            }
            lines.add(new Line(new BigDecimal(parts[0]), adjustments));
        }
        return lines;
    }

    @ParameterizedTest(name = "CLP02 {0}, lines {2} -> {3}")
    @CsvSource(delimiter = ';', value = {
            // every line paid something: PAID, whatever the patient owes
            "1; 53.60; 53.60:CO-45-58.00 PR-3-25.00 PR-2-13.40; PAID",
            // a line paid nothing because the deductible took it all: not a denial
            "1; 0.00; 0.00:CO-45-58.00 PR-1-92.00; PAID",
            // a non-covered line beside a paid one (sandbox: 15780 -> CO-96)
            "1; 92.00; 92.00:CO-45-58.00 | 0.00:CO-96-950.00; PARTIALLY_DENIED",
            // every line denied, the payer still says processed as primary
            "1; 0.00; 0.00:CO-197-300.00 | 0.00:CO-96-950.00; DENIED",
            // coverage terminated
            "1; 0.00; 0.00:CO-27-150.00; DENIED",
            // CLP02 4 is a denial whatever the lines say
            "4; 0.00; 0.00:CO-45-150.00; DENIED",
            // CLP02 22 reverses an earlier payment
            "22; -53.60; -53.60:CO-45--58.00 PR-3--25.00 PR-2--13.40; REVERSED",
            // the fee schedule allows nothing at all: contractual, not a denial
            "1; 0.00; 0.00:CO-45-150.00; PAID",
    })
    void classifiesTheClaimPaymentAsDocsEventsSays(String status, String claimPaid, String lineSpec, AdjudicationOutcome expected) {
        assertEquals(expected, AdjudicationOutcomePolicy.outcome(status, new BigDecimal(claimPaid), List.of(), lines(lineSpec)));
    }
}
