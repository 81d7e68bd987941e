package org.claimflow.billing.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds 835 files (005010X221A1) as a payer would send them. Claim and transaction totals are computed
 * from the lines, so a remittance balances unless a test says otherwise ({@link #offBy}). Claim interest
 * ({@link ClaimBuilder#interest}) is an AMT*I beside CLP04, paid by a PLB L6 of −(the claims' interest) that
 * the fixture adds unless the test gives a PLB L6 of its own.
 */
public final class RemittanceFixture {

    public record Adjustment(String group, String reason, String amount) {
    }

    private record Line(String lineItemControlNumber, String code, String charge, String allowed, List<Adjustment> adjustments) {
    }

    /** One PLB adjustment: reason (L6 interest, WO overpayment recovery, FB forwarding balance...), reference, amount. */
    public record ProviderAdjustment(String reason, String reference, String amount) {
    }

    private final List<ClaimBuilder> claims = new ArrayList<>();
    private final List<ProviderAdjustment> providerAdjustments = new ArrayList<>();
    private String traceNumber = "EFT" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    private String interchangeControlNumber = String.format("%09d", (long) (Math.random() * 999_999_999L));
    private BigDecimal transactionError = BigDecimal.ZERO;
    private boolean interestInClaimPayment;

    private RemittanceFixture() {
    }

    public static RemittanceFixture payment() {
        return new RemittanceFixture();
    }

    public static Adjustment adjustment(String group, String reason, String amount) {
        return new Adjustment(group, reason, amount);
    }

    /** A claim paid as primary (CLP02 1). */
    public ClaimBuilder claim(String patientControlNumber) {
        ClaimBuilder claim = new ClaimBuilder(patientControlNumber);
        claims.add(claim);
        return claim;
    }

    public RemittanceFixture trace(String traceNumber) {
        this.traceNumber = traceNumber;
        return this;
    }

    /** The same payment re-sent in another interchange (new ISA13, same TRN). */
    public RemittanceFixture interchange(String controlNumber) {
        this.interchangeControlNumber = controlNumber;
        return this;
    }

    /** A provider-level adjustment (PLB): positive reduces the payment, negative (interest) adds to it. */
    public RemittanceFixture providerAdjustment(String reason, String reference, String amount) {
        providerAdjustments.add(new ProviderAdjustment(reason, reference, amount));
        return this;
    }

    /**
     * The wrong reading of AMT*I: each claim's interest added to its CLP04 and no PLB L6 to pay it. BPR02 still
     * adds up, but no claim with interest balances (CLP03 − CAS ≠ CLP04).
     */
    public RemittanceFixture interestInClaimPayment() {
        this.interestInClaimPayment = true;
        return this;
    }

    /** BPR02 differs from what the claims paid: the file does not balance. */
    public RemittanceFixture offBy(String amount) {
        this.transactionError = new BigDecimal(amount);
        return this;
    }

    public String traceNumber() {
        return traceNumber;
    }

    public final class ClaimBuilder {
        private final String patientControlNumber;
        private final List<Line> lines = new ArrayList<>();
        private String statusCode = "1";
        private BigDecimal interest;

        private ClaimBuilder(String patientControlNumber) {
            this.patientControlNumber = patientControlNumber;
        }

        public ClaimBuilder line(String lineItemControlNumber, String code, String charge, String allowed, Adjustment... adjustments) {
            lines.add(new Line(lineItemControlNumber, code, charge, allowed, List.of(adjustments)));
            return this;
        }

        public ClaimBuilder status(String clp02) {
            this.statusCode = clp02;
            return this;
        }

        /** Prompt-pay interest on the claim (AMT*I): information beside CLP04, paid in the PLB (L6). */
        public ClaimBuilder interest(String amount) {
            this.interest = new BigDecimal(amount);
            return this;
        }

        public RemittanceFixture done() {
            return RemittanceFixture.this;
        }

        BigDecimal charge() {
            return lines.stream().map(l -> new BigDecimal(l.charge())).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal paid() {
            BigDecimal lines = this.lines.stream().map(RemittanceFixture::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
            return interestInClaimPayment ? lines.add(interest()) : lines;
        }

        BigDecimal interest() {
            return interest == null ? BigDecimal.ZERO : interest;
        }

        BigDecimal patientResponsibility() {
            return lines.stream().flatMap(l -> l.adjustments().stream()).filter(a -> a.group().equals("PR"))
                    .map(a -> new BigDecimal(a.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private static BigDecimal paid(Line line) {
        BigDecimal adjustments = line.adjustments().stream().map(a -> new BigDecimal(a.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BigDecimal(line.charge()).subtract(adjustments);
    }

    /** The PLB: the test's adjustments, and the L6 that pays the claims' interest when the test gave no L6. */
    private List<ProviderAdjustment> plb() {
        BigDecimal interest = claims.stream().map(ClaimBuilder::interest).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (interestInClaimPayment || interest.signum() == 0 || providerAdjustments.stream().anyMatch(a -> a.reason().equals("L6"))) {
            return providerAdjustments;
        }
        List<ProviderAdjustment> plb = new ArrayList<>(providerAdjustments);
        plb.add(new ProviderAdjustment("L6", "CLAIMINTEREST", interest.negate().toPlainString()));
        return plb;
    }

    /** BPR02: what the claims paid, less the provider-level adjustments (plus the error {@link #offBy} asked for). */
    public BigDecimal totalPaid() {
        BigDecimal plb = plb().stream().map(a -> new BigDecimal(a.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        return claims.stream().map(ClaimBuilder::paid).reduce(BigDecimal.ZERO, BigDecimal::add).subtract(plb).add(transactionError);
    }

    public String build() {
        List<String> body = new ArrayList<>();
        BigDecimal total = totalPaid();
        body.add("BPR*I*" + total.toPlainString() + "*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20261120");
        body.add("TRN*1*" + traceNumber + "*1512345678");
        body.add("DTM*405*20261120");
        body.add("N1*PR*SANDBOX PPO");
        body.add("N3*1 SANDBOX WAY");
        body.add("N4*SPRINGFIELD*IL*62701");
        body.add("REF*2U*SANDBOX-PPO");
        body.add("N1*PE*DEMO CLINIC*XX*1234567893");
        body.add("LX*1");
        int n = 0;
        for (ClaimBuilder claim : claims) {
            n++;
            body.add("CLP*" + claim.patientControlNumber + "*" + claim.statusCode + "*" + claim.charge().toPlainString() + "*"
                    + claim.paid().toPlainString() + "*" + claim.patientResponsibility().toPlainString() + "*12*SBXTEST" + n + "*11*1");
            body.add("NM1*QC*1*LOVELACE*ADA****MI*M123456789");
            body.add("DTM*232*20261014");
            if (claim.interest != null) {
                body.add("AMT*I*" + claim.interest.toPlainString());
            }
            for (Line line : claim.lines) {
                body.add("SVC*HC:" + line.code() + "*" + line.charge() + "*" + paid(line).toPlainString() + "**1");
                body.add("DTM*472*20261014");
                for (Adjustment a : line.adjustments()) {
                    body.add("CAS*" + a.group() + "*" + a.reason() + "*" + a.amount());
                }
                if (line.lineItemControlNumber() != null) {
                    body.add("REF*6R*" + line.lineItemControlNumber());
                }
                if (line.allowed() != null) {
                    body.add("AMT*B6*" + line.allowed());
                }
            }
        }
        for (ProviderAdjustment a : plb()) {
            body.add("PLB*1234567893*20261231*" + a.reason() + (a.reference() == null ? "" : ":" + a.reference()) + "*" + a.amount());
        }
        StringBuilder out = new StringBuilder();
        out.append("ISA*00*          *00*          *ZZ*SANDBOXCH      *ZZ*CLAIMFLOW      *261120*1200*^*00501*")
                .append(interchangeControlNumber).append("*0*T*:~");
        out.append("GS*HP*SANDBOXCH*CLAIMFLOW*20261120*1200*77*X*005010X221A1~");
        out.append("ST*835*0001~");
        body.forEach(s -> out.append(s).append('~'));
        out.append("SE*").append(body.size() + 2).append("*0001~");
        out.append("GE*1*77~");
        out.append("IEA*1*").append(interchangeControlNumber).append('~');
        return out.toString();
    }
}
