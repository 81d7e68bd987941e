package org.claimflow.eligibility.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds 271 interchanges the way the sandbox payer answers: one transaction per member, HL 20/21/22,
 * SE01 counted. Body segments go after the subscriber's NM1 (2100C and its 2110C loops).
 */
final class Response271Fixture {

    private final List<Member> members = new ArrayList<>();
    private final List<String> payerSegments = new ArrayList<>();
    private final List<String> providerSegments = new ArrayList<>();
    private String version = "005010X279A1";
    private boolean newlines;
    private int se01Offset;

    private record Member(String memberId, String trace, List<String> body) {
    }

    private Response271Fixture() {
    }

    static Response271Fixture response() {
        return new Response271Fixture();
    }

    /** The sandbox's answer for an active member: plan, copay, coinsurance, deductible and OOP, in and out of network. */
    static Response271Fixture activeSandboxMember() {
        return response().member("M123456789", "TRACE-0001",
                "DTP*346*D8*20260101",
                "DTP*347*D8*20261231",
                "EB*1*IND*30**SANDBOX PPO GOLD",
                "EB*B*IND*30***27*25.00*****Y",
                // the sandbox's coinsurance shape: the rate in EB07
                "EB*A*IND*30****.20*****Y",
                "EB*C*IND*30***23*500.00*****Y",
                "EB*C*IND*30***29*0.00*****Y",
                "EB*G*IND*30***23*3000.00*****Y",
                "EB*G*IND*30***29*2750.00*****Y",
                "EB*C*FAM*30***23*1000.00*****Y",
                "EB*B*IND*30***27*60.00*****N",
                "EB*A*IND*30*****.40****N",
                "EB*C*IND*30***23*1500.00*****N");
    }

    Response271Fixture member(String memberId, String trace, String... body) {
        members.add(new Member(memberId, trace, List.of(body)));
        return this;
    }

    /** Segments after the payer's NM1 (2100A), e.g. an AAA. */
    Response271Fixture payerSegment(String segment) {
        payerSegments.add(segment);
        return this;
    }

    /** Segments after the provider's NM1 (2100B), e.g. an AAA. */
    Response271Fixture providerSegment(String segment) {
        providerSegments.add(segment);
        return this;
    }

    Response271Fixture version(String version) {
        this.version = version;
        return this;
    }

    /** Puts every segment on its own indented line, as the public sample files do. */
    Response271Fixture withNewlines() {
        this.newlines = true;
        return this;
    }

    /** Writes SE01 off by this much, a defect some senders have. */
    Response271Fixture withWrongSegmentCount(int offset) {
        this.se01Offset = offset;
        return this;
    }

    String build() {
        List<String> segments = new ArrayList<>();
        segments.add("ISA*00*          *00*          *ZZ*SANDBOX-PPO    *ZZ*CLAIMFLOW      *261014*0930*^*00501*000000101*0*T*:");
        segments.add("GS*HB*SANDBOX-PPO*CLAIMFLOW*20261014*0930*7*X*" + version);
        List<Member> transactions = members.isEmpty() ? List.of(new Member(null, null, List.of())) : members;
        int control = 1;
        for (Member member : transactions) {
            List<String> tx = new ArrayList<>();
            String st02 = String.format("%04d", control++);
            tx.add("ST*271*" + st02 + "*" + version);
            tx.add("BHT*0022*11*REF-" + st02 + "*20261014*0930");
            tx.add("HL*1**20*1");
            tx.add("NM1*PR*2*SANDBOX PPO*****PI*SANDBOX-PPO");
            tx.addAll(payerSegments);
            tx.add("HL*2*1*21*1");
            tx.add("NM1*1P*2*CLAIMFLOW PRACTICE*****XX*1234567893");
            tx.addAll(providerSegments);
            if (member.memberId() != null) {
                tx.add("HL*3*2*22*0");
                if (member.trace() != null) {
                    tx.add("TRN*2*" + member.trace() + "*9123456789");
                }
                tx.add("NM1*IL*1*LOVELACE*ADA****MI*" + member.memberId());
                tx.addAll(member.body());
            }
            tx.add("SE*" + (tx.size() + 1 + se01Offset) + "*" + st02);
            segments.addAll(tx);
        }
        segments.add("GE*" + transactions.size() + "*7");
        segments.add("IEA*1*000000101");
        String separator = newlines ? "~\r\n    " : "~";
        return String.join(separator, segments) + "~" + (newlines ? "\r\n" : "");
    }
}
