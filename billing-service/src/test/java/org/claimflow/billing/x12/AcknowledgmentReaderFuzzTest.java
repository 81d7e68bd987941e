package org.claimflow.billing.x12;

import static org.claimflow.billing.x12.X12FuzzContract.assertNoBlanks;
import static org.claimflow.billing.x12.X12FuzzContract.assertOptionalAmount;
import static org.claimflow.billing.x12.X12FuzzContract.assertPosition;
import static org.claimflow.billing.x12.X12FuzzContract.assertRefusal;
import static org.claimflow.billing.x12.X12FuzzContract.assertRequired;
import static org.claimflow.billing.x12.X12FuzzContract.assertWarnings;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes given to {@link AcknowledgmentReader} as a 999 or a 277CA are read or refused with an
 * {@link X12ParseException}: no other exception, no hang. What is read has its required fields. Without
 * JAZZER_FUZZ=1 each method replays its seeds in {@code AcknowledgmentReaderFuzzTestInputs/<method>/}.
 */
class AcknowledgmentReaderFuzzTest {

    @FuzzTest(maxDuration = "3m")
    @Timeout(10)
    @DictionaryEntries({"~ST*999*", "~AK1*HC*", "~AK2*837*", "~IK3*", "~IK4*", "~CTX*", "~IK5*A", "~IK5*R*",
            "~AK9*", "~SE*", "~GE*", "~IEA*", "999999999999"})
    void any999IsReadOrRefused(byte[] input) {
        X12Result<FunctionalAcknowledgment> result;
        try {
            result = AcknowledgmentReader.read999(input);
        } catch (X12ParseException e) {
            assertRefusal(e);
            return;
        }
        assertWarnings(result);
        for (FunctionalAcknowledgment ack : result.documents()) {
            assertNotNull(ack.groupStatus(), "AK901");
            assertTrue(ack.transactionSetsIncluded() >= 0 && ack.transactionSetsReceived() >= 0
                    && ack.transactionSetsAccepted() >= 0, "AK902-AK904 are counts");
            assertNoBlanks(ack.groupErrorCodes(), "AK905-AK909");
            for (TransactionSetAcknowledgment set : ack.transactionSets()) {
                assertNotNull(set.status(), "IK501");
                assertNoBlanks(set.errorCodes(), "IK502-IK506");
                for (SegmentError segment : set.segmentErrors()) {
                    assertRequired(segment.segmentId(), "IK301");
                    assertTrue(segment.position() >= 0, "IK302 is a whole number");
                    segment.elementErrors().forEach(element -> assertTrue(element.position() >= 0, "IK401 is a whole number"));
                }
            }
        }
    }

    @FuzzTest(maxDuration = "3m")
    @Timeout(10)
    @DictionaryEntries({"~ST*277*", "~BHT*", "~HL*", "*PT~", "*22~", "~TRN*2*", "~STC*A1:", "~STC*A3:", "~REF*1K*",
            "~REF*D9*", "~SVC*", "~DTP*", "~SE*", "~GE*", "~IEA*"})
    void any277CAIsReadOrRefused(byte[] input) {
        X12Result<ClaimAcknowledgment> result;
        try {
            result = AcknowledgmentReader.read277CA(input);
        } catch (X12ParseException e) {
            assertRefusal(e);
            return;
        }
        assertWarnings(result);
        for (ClaimAcknowledgment claim : result.documents()) {
            assertRequired(claim.patientControlNumber(), "TRN02");
            assertNotNull(claim.outcome(), "outcome");
            assertPosition(claim.segmentPosition(), "TRN");
            for (ClaimStatus status : claim.statuses()) {
                assertRequired(status.categoryCode(), "STC01-1");
                assertOptionalAmount(status.amount(), "STC04");
            }
        }
    }
}
