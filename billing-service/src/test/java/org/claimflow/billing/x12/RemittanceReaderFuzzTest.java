package org.claimflow.billing.x12;

import static org.claimflow.billing.x12.X12FuzzContract.assertExactAmount;
import static org.claimflow.billing.x12.X12FuzzContract.assertNoBlanks;
import static org.claimflow.billing.x12.X12FuzzContract.assertOptionalAmount;
import static org.claimflow.billing.x12.X12FuzzContract.assertPosition;
import static org.claimflow.billing.x12.X12FuzzContract.assertRefusal;
import static org.claimflow.billing.x12.X12FuzzContract.assertRequired;
import static org.claimflow.billing.x12.X12FuzzContract.assertWarnings;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes given to {@link RemittanceReader} are read or refused with an {@link X12ParseException}: no other
 * exception, no hang. What is read has its required fields and exact amounts, and the balance check and the
 * interest warnings the remittance service runs next accept it. Without JAZZER_FUZZ=1 this replays the seeds in
 * {@code RemittanceReaderFuzzTestInputs/} (real 835s and damaged ones, plus every crash found so far).
 */
class RemittanceReaderFuzzTest {

    @FuzzTest(maxDuration = "3m")
    @Timeout(10)
    @DictionaryEntries({"~ST*835*", "~BPR*", "~TRN*1*", "~DTM*405*", "~N1*PR*", "~N1*PE*", "~REF*2U*", "~LX*",
            "~CLP*", "~NM1*QC*", "~MOA*", "~MIA*", "~AMT*I*", "~SVC*HC:", "~DTM*472*", "~DTM*150*", "~CAS*CO*",
            "~REF*6R*", "~AMT*B6*", "~LQ*HE*", "~PLB*", "~SE*", "~GE*", "~IEA*", "-0.5", "1.", ".5", "20240229"})
    void anyInputIsReadOrRefused(byte[] input) {
        X12Result<Remittance> result;
        try {
            result = RemittanceReader.read(input);
        } catch (X12ParseException e) {
            assertRefusal(e);
            return;
        }
        assertWarnings(result);
        for (Remittance remittance : result.documents()) {
            assertNotNull(remittance.payment(), "BPR");
            assertExactAmount(remittance.payment().totalAmount(), "BPR02");
            for (ClaimPayment claim : remittance.claims()) {
                assertRequired(claim.patientControlNumber(), "CLP01");
                assertRequired(claim.statusCode(), "CLP02");
                assertExactAmount(claim.chargeAmount(), "CLP03");
                assertExactAmount(claim.paidAmount(), "CLP04");
                assertOptionalAmount(claim.patientResponsibilityAmount(), "CLP05");
                assertOptionalAmount(claim.interestAmount(), "AMT*I");
                assertPosition(claim.segmentPosition(), "CLP");
                assertNoBlanks(claim.remarkCodes(), "MOA/MIA");
                claim.adjustments().forEach(RemittanceReaderFuzzTest::assertAdjustment);
                for (ServiceLinePayment line : claim.serviceLines()) {
                    assertRequired(line.procedureCode(), "SVC01-2");
                    assertExactAmount(line.chargeAmount(), "SVC02");
                    assertExactAmount(line.paidAmount(), "SVC03");
                    assertExactAmount(line.units(), "SVC05");
                    assertOptionalAmount(line.allowedAmount(), "AMT*B6");
                    assertNoBlanks(line.modifiers(), "SVC01 modifiers");
                    assertNoBlanks(line.remarkCodes(), "LQ*HE");
                    assertPosition(line.segmentPosition(), "SVC");
                    line.adjustments().forEach(RemittanceReaderFuzzTest::assertAdjustment);
                }
            }
            for (ProviderAdjustment adjustment : remittance.providerAdjustments()) {
                assertRequired(adjustment.reasonCode(), "PLB reason");
                assertExactAmount(adjustment.amount(), "PLB amount");
            }
            // What RemittanceService does with every remittance it reads; it must not fail on any of them.
            assertNotNull(RemittanceBalancePolicy.check(remittance));
            assertNotNull(RemittanceBalancePolicy.warnings(remittance));
        }
    }

    private static void assertAdjustment(Adjustment adjustment) {
        assertRequired(adjustment.groupCode(), "CAS01");
        assertRequired(adjustment.reasonCode(), "CAS reason");
        assertExactAmount(adjustment.amount(), "CAS amount");
        assertOptionalAmount(adjustment.quantity(), "CAS quantity");
    }
}
