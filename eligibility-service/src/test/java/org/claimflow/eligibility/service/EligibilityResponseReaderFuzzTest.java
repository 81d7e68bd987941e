package org.claimflow.eligibility.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.claimflow.eligibility.domain.CoverageAnswer;
import org.claimflow.eligibility.x12.Benefit;
import org.claimflow.eligibility.x12.EligibilityResponse;
import org.claimflow.eligibility.x12.EligibilityResponseReader;
import org.claimflow.eligibility.x12.RequestError;
import org.claimflow.eligibility.x12.X12ParseException;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes a payer answers with are read by {@link EligibilityResponseReader} or refused with an
 * {@link X12ParseException}: no other exception, no hang. What is read has its required fields and exact
 * amounts, and {@link CoverageAnswerMapper} (what {@link EligibilityService} does next with the responses)
 * turns it into an answer without failing. It lives in this package for that mapper. Without JAZZER_FUZZ=1
 * it replays the seeds in {@code EligibilityResponseReaderFuzzTestInputs/} (real and damaged 271s).
 */
class EligibilityResponseReaderFuzzTest {

    private static final EligibilityResponseReader READER = new EligibilityResponseReader();
    private static final List<String> ASKED = List.of("30", CoverageAnswerMapper.OFFICE_VISIT);

    @FuzzTest(maxDuration = "3m")
    @Timeout(10)
    @DictionaryEntries({"~ST*271*", "~BHT*", "~HL*", "*20*1~", "*21*1~", "*22*0~", "*23*0~", "~NM1*PR*", "~NM1*IL*",
            "~TRN*2*", "~REF*6P*", "~DTP*346*D8*", "~DTP*291*RD8*", "~EB*1*", "~EB*B*", "~EB*A*", "~EB*C*", "~EB*G*",
            "~AAA*Y**", "~MSG*", "~LS*", "~LE*", "~SE*", "~GE*", "~IEA*", "005010X279A1"})
    void anyPayerAnswerIsReadOrRefused(byte[] input) {
        List<EligibilityResponse> responses;
        try {
            responses = READER.read(input);
        } catch (X12ParseException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a refusal says why");
            assertTrue(e.segmentPosition() == -1 || e.segmentPosition() >= 1,
                    "segment position is 1-based or -1, was " + e.segmentPosition());
            return;
        }
        assertFalse(responses.isEmpty(), "a read 271 holds at least one response");
        for (EligibilityResponse response : responses) {
            assertNotNull(response.status(), "status");
            response.warnings().forEach(w -> assertTrue(w != null && !w.isBlank(), "a warning says something"));
            for (RequestError error : response.errors()) {
                assertNotNull(error.loop(), "AAA loop");
                assertNotNull(error.description(), "AAA03 description");
            }
            for (Benefit benefit : response.benefits()) {
                assertNotNull(benefit.type(), "EB01 group");
                assertTrue(benefit.code() != null && !benefit.code().isEmpty(), "EB01 is required");
                assertNotNull(benefit.network(), "EB12");
                assertExact(benefit.amount(), "EB07");
                assertExact(benefit.percent(), "EB08");
                assertExact(benefit.quantity(), "EB10");
            }
            CoverageAnswer answer = CoverageAnswerMapper.toAnswer(response, ASKED);
            assertNotNull(answer.status(), "an answer has a status");
            assertNotNull(answer.headline(), "an answer has headline figures");
        }
        String trace = responses.get(0).traceNumber();
        assertNotNull(CoverageAnswerMapper.toAnswer(responses, trace == null ? "no-such-trace" : trace, ASKED).status());
    }

    /** X12 R type: read exactly, never through a double; no exponent. */
    private static void assertExact(BigDecimal amount, String what) {
        if (amount != null) {
            assertTrue(amount.scale() >= 0, what + " has no exponent: " + amount);
            assertEquals(amount, new BigDecimal(amount.toPlainString()), what + " reads back exactly");
        }
    }
}
