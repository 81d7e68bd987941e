package org.claimflow.billing.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds 835 text segment by segment, with a correct envelope (SE01 counted), so tests state only the
 * amounts they care about. {@link #balanced()} is a remittance whose every equation holds.
 */
final class RemittanceFixtures {

    private final List<String> body = new ArrayList<>();
    private String payment = "0";
    private int lx;

    private RemittanceFixtures() {
    }

    static RemittanceFixtures remittance() {
        return new RemittanceFixtures();
    }

    /**
     * Two claims and provider adjustments that balance: PCN-2024-0001 charged 162, paid 100 (line 99213-25:
     * 150 − CO-45 15 − CO-253 5 − PR-2 30 = 100; line 36415: 12 − CO-97 12 = 0); PCN-2024-0002 denied at claim level
     * (80 − CO-29 80 = 0); PLB interest L6 −2.50 and overpayment recovery WO 10.00; BPR02 = 100 − 7.50 = 92.50.
     */
    static RemittanceFixtures balanced() {
        return remittance().payment("92.5")
                .claim("PCN-2024-0001", "1", "162", "100", "30")
                .segment("NM1*QC*1*LOVELACE*ADA*A***MI*ADA1815XYZ")
                .segment("MOA***MA01*MA18")
                .segment("DTM*232*20240301").segment("DTM*233*20240301")
                .line("HC:99213:25", "150", "100", "1").segment("DTM*472*20240301")
                .segment("CAS*CO*45*15**253*5").segment("CAS*PR*2*30").segment("REF*6R*PCN-2024-0001-1").segment("AMT*B6*130")
                .line("HC:36415", "12", "0", null).segment("DTM*472*20240301")
                .segment("CAS*CO*97*12").segment("REF*6R*PCN-2024-0001-2").segment("LQ*HE*M15")
                .claim("PCN-2024-0002", "4", "80", "0", "0")
                .segment("CAS*CO*29*80")
                .segment("PLB*1234567893*20241231*L6:PCN-2024-0001*-2.5*WO:OVERPAY-77*10");
    }

    RemittanceFixtures payment(String bpr02) {
        payment = bpr02;
        return this;
    }

    RemittanceFixtures claim(String pcn, String status, String charge, String paid, String patientResponsibility) {
        if (lx == 0) {
            segment("LX*" + (++lx));
        }
        return segment("CLP*%s*%s*%s*%s*%s*12*PAYER-%s*11*1".formatted(pcn, status, charge, paid, patientResponsibility, pcn));
    }

    RemittanceFixtures line(String procedure, String charge, String paid, String units) {
        return segment("SVC*%s*%s*%s**%s".formatted(procedure, charge, paid, units == null ? "" : units));
    }

    RemittanceFixtures segment(String segment) {
        body.add(segment);
        return this;
    }

    /** Replaces the first segment that starts with {@code prefix}: how a test alters one amount. */
    RemittanceFixtures replace(String prefix, String segment) {
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).startsWith(prefix)) {
                body.set(i, segment);
                return this;
            }
        }
        throw new IllegalArgumentException("no segment starts with " + prefix);
    }

    String build() {
        List<String> transaction = new ArrayList<>();
        transaction.add("ST*835*0001");
        transaction.add("BPR*I*" + payment + "*C*ACH*CCP*01*011000015*DA*123456*1512345678**01*011000028*DA*654321*20240315");
        transaction.add("TRN*1*EFT-20240315-01*1512345678");
        transaction.add("DTM*405*20240314");
        transaction.add("N1*PR*ACME HEALTH PLAN");
        transaction.add("N3*1 PAYER PLAZA");
        transaction.add("N4*HARTFORD*CT*06101");
        transaction.add("REF*2U*ACME01");
        transaction.add("N1*PE*BABBAGE FAMILY PRACTICE*XX*1234567893");
        transaction.add("REF*TJ*123456789");
        transaction.addAll(body);
        transaction.add("SE*" + (transaction.size() + 1) + "*0001");
        return "ISA*00*          *00*          *ZZ*ACME01         *ZZ*CLAIMFLOW      *240315*0800*^*00501*000000901*0*P*:~"
                + "GS*HP*ACME01*CLAIMFLOW*20240315*0800*901*X*005010X221A1~"
                + String.join("~", transaction) + "~"
                + "GE*1*901~IEA*1*000000901~";
    }
}
