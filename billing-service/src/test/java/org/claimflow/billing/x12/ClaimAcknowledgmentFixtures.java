package org.claimflow.billing.x12;

import java.util.ArrayList;
import java.util.List;

/** Builds 277CA text (005010X214): one payer, receiver and provider level, then patient-level claims. */
final class ClaimAcknowledgmentFixtures {

    private final List<String> claims = new ArrayList<>();
    private int hl = 3;

    static ClaimAcknowledgmentFixtures claimAcknowledgment() {
        return new ClaimAcknowledgmentFixtures();
    }

    /** A 2000D/2200D claim: TRN*2 patient control number, then the given STC and REF segments. */
    ClaimAcknowledgmentFixtures claim(String patientControlNumber, String... segments) {
        hl++;
        claims.add("HL*" + hl + "*3*PT");
        claims.add("NM1*QC*1*LOVELACE*ADA****MI*ADA1815XYZ");
        claims.add("TRN*2*" + patientControlNumber);
        claims.addAll(List.of(segments));
        claims.add("DTP*472*D8*20240301");
        return this;
    }

    String build() {
        List<String> transaction = new ArrayList<>(List.of(
                "ST*277*0001*005010X214",
                "BHT*0085*08*277CA-1*20240305*1200*TH",
                "HL*1**20*1", "NM1*PR*2*ACME HEALTH PLAN*****PI*ACME01", "TRN*1*ACK-1", "DTP*050*D8*20240305",
                "DTP*009*D8*20240305",
                "HL*2*1*21*1", "NM1*41*2*CLAIMFLOW BILLING*****46*CLAIMFLOW", "TRN*2*BATCH-0042",
                "STC*A1:19*20240305*WQ*162",
                "HL*3*2*19*1", "NM1*85*2*BABBAGE FAMILY PRACTICE*****XX*1234567893"));
        transaction.addAll(claims);
        transaction.add("SE*" + (transaction.size() + 1) + "*0001");
        return "ISA*00*          *00*          *ZZ*ACME01         *ZZ*CLAIMFLOW      *240305*1200*^*00501*000000777*0*P*:~"
                + "GS*HN*ACME01*CLAIMFLOW*20240305*1200*777*X*005010X214~"
                + String.join("~", transaction) + "~GE*1*777~IEA*1*000000777~";
    }
}
