package org.claimflow.billing.x12;

import static org.claimflow.billing.x12.ReaderSupport.nullIfEmpty;
import static org.claimflow.billing.x12.ReaderSupport.optionalDate;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads 835 remittances (005010X221A1) with StAEDI: every 835 transaction of every interchange in the file,
 * in order. Envelope defects become warnings (see {@link X12SegmentReader}); an amount that is not a
 * number, a missing CLP03/CLP04/SVC02/SVC03/BPR02 or an SVC outside a claim is an {@link X12ParseException}
 * naming the segment. Optional dates that cannot be read become warnings. Messages never carry patient
 * data.
 */
public final class RemittanceReader {

    private static final int CAS_TRIPLETS = 6;
    private static final int PLB_PAIRS = 6;

    private RemittanceReader() {
    }

    public static X12Result<Remittance> read(InputStream input) throws X12ParseException {
        try {
            return read(input.readAllBytes());
        } catch (IOException e) {
            throw new X12ParseException("could not read the input: " + e.getClass().getSimpleName(), -1, e);
        }
    }

    public static X12Result<Remittance> read(String x12) throws X12ParseException {
        return read(x12.getBytes(StandardCharsets.UTF_8));
    }

    public static X12Result<Remittance> read(byte[] x12) throws X12ParseException {
        return ReaderSupport.parseAll(x12, "835", RemittanceReader::parse);
    }

    private static Remittance parse(X12Transaction transaction, List<String> warnings) throws X12ParseException {
        Header header = new Header();
        List<ClaimPayment> claims = new ArrayList<>();
        List<ProviderAdjustment> providerAdjustments = new ArrayList<>();
        ClaimBuilder claim = null;
        LineBuilder line = null;

        for (X12Segment segment : transaction.segments()) {
            switch (segment.tag()) {
                case "BPR" -> header.payment = new RemittancePayment(segment.element(1), segment.requiredDecimal(2),
                        segment.element(3), segment.element(4), optionalDate(segment, 16, warnings));
                case "TRN" -> {
                    if (claim == null && "1".equals(segment.element(1))) {
                        header.traceNumber = nullIfEmpty(segment.element(2));
                        header.originatingCompanyId = nullIfEmpty(segment.element(3));
                    }
                }
                case "N1" -> {
                    if (claim == null) {
                        header.party(segment);
                    }
                }
                case "REF" -> {
                    if (line != null && "6R".equals(segment.element(1))) {
                        line.lineItemControlNumber = nullIfEmpty(segment.element(2));
                    } else if (claim == null && "PR".equals(header.currentParty) && "2U".equals(segment.element(1))) {
                        header.payerId = nullIfEmpty(segment.element(2));
                    }
                }
                case "DTM" -> {
                    LocalDate date = optionalDate(segment, 2, warnings);
                    if (claim == null) {
                        if ("405".equals(segment.element(1))) {
                            header.productionDate = date;
                        }
                    } else if (line != null) {
                        line.date(segment.element(1), date);
                    } else if (date != null) {
                        claim.dates.put(segment.element(1), date);
                    }
                }
                case "CLP" -> {
                    finishClaim(claim, line, claims);
                    line = null;
                    claim = new ClaimBuilder(segment);
                }
                case "CAS" -> {
                    requireClaim(claim, segment);
                    (line != null ? line.adjustments : claim.adjustments).addAll(adjustments(segment));
                }
                case "NM1" -> {
                    if (claim != null && "QC".equals(segment.element(1))) {
                        claim.patientName = new PersonName(segment.element(3), segment.element(4), segment.element(5));
                    }
                }
                case "MOA" -> {
                    requireClaim(claim, segment);
                    addNonEmpty(claim.remarkCodes, segment, 3, 4, 5, 6, 7);
                }
                case "MIA" -> {
                    requireClaim(claim, segment);
                    addNonEmpty(claim.remarkCodes, segment, 5, 20, 21, 22, 23);
                }
                case "SVC" -> {
                    requireClaim(claim, segment);
                    if (line != null) {
                        claim.lines.add(line.build());
                    }
                    line = new LineBuilder(segment);
                }
                case "AMT" -> {
                    if (line != null && "B6".equals(segment.element(1))) {
                        line.allowedAmount = segment.decimal(2);
                    } else if (line == null && claim != null && "I".equals(segment.element(1))) {
                        // Claim supplemental information (loop 2100): the claim's interest, paid in PLB L6, not in CLP04.
                        claim.interestAmount = segment.decimal(2);
                    }
                }
                case "LQ" -> {
                    if (line != null && "HE".equals(segment.element(1)) && !segment.element(2).isEmpty()) {
                        line.remarkCodes.add(segment.element(2));
                    }
                }
                case "PLB" -> {
                    finishClaim(claim, line, claims);
                    claim = null;
                    line = null;
                    providerAdjustments.addAll(providerAdjustments(segment, warnings));
                }
                default -> {
                    // LX, TS3, TS2, N3, N4, PER, RDM, QTY, CUR...: not part of the model
                }
            }
        }
        finishClaim(claim, line, claims);

        if (header.payment == null) {
            throw new X12ParseException(transaction.describe() + " has no BPR segment", transaction.headerPosition());
        }
        return new Remittance(transaction.interchangeControlNumber(), transaction.senderId(), transaction.receiverId(),
                transaction.controlNumber(), header.payment, header.traceNumber, header.originatingCompanyId,
                header.productionDate, header.payerName, header.payerId, header.payeeName, header.payeeIdQualifier,
                header.payeeId, claims, providerAdjustments);
    }

    private static void requireClaim(ClaimBuilder claim, X12Segment segment) throws X12ParseException {
        if (claim == null) {
            throw new X12ParseException("%s (segment %d) is outside a claim: no CLP before it"
                    .formatted(segment.tag(), segment.position()), segment.position());
        }
    }

    private static void finishClaim(ClaimBuilder claim, LineBuilder line, List<ClaimPayment> claims) throws X12ParseException {
        if (claim == null) {
            return;
        }
        if (line != null) {
            claim.lines.add(line.build());
        }
        claims.add(claim.build());
    }

    /** CAS01 group code, then up to six reason/amount/quantity triplets. */
    static List<Adjustment> adjustments(X12Segment cas) throws X12ParseException {
        List<Adjustment> adjustments = new ArrayList<>();
        String group = cas.element(1);
        if (group.isEmpty()) {
            throw new X12ParseException(cas.describe(1) + " (adjustment group code) is required but empty", cas.position());
        }
        for (int i = 0; i < CAS_TRIPLETS; i++) {
            int reason = 2 + 3 * i;
            if (cas.element(reason).isEmpty()) {
                if (cas.has(reason + 1)) {
                    throw new X12ParseException(cas.describe(reason) + " (reason code) is required with an amount", cas.position());
                }
                continue;
            }
            BigDecimal amount = cas.decimal(reason + 1);
            if (amount == null) {
                throw new X12ParseException(cas.describe(reason + 1) + " (adjustment amount) is required but empty", cas.position());
            }
            adjustments.add(new Adjustment(group, cas.element(reason), amount, cas.decimal(reason + 2)));
        }
        return adjustments;
    }

    /** PLB01 provider, PLB02 fiscal period date, then up to six reason:reference / amount pairs. */
    private static List<ProviderAdjustment> providerAdjustments(X12Segment plb, List<String> warnings) throws X12ParseException {
        List<ProviderAdjustment> adjustments = new ArrayList<>();
        LocalDate fiscalDate = optionalDate(plb, 2, warnings);
        for (int i = 0; i < PLB_PAIRS; i++) {
            int identifier = 3 + 2 * i;
            if (!plb.has(identifier) && !plb.has(identifier + 1)) {
                continue;
            }
            String reason = plb.component(identifier, 1);
            BigDecimal amount = plb.decimal(identifier + 1);
            if (reason.isEmpty() || amount == null) {
                throw new X12ParseException(plb.describe(identifier) + ": an adjustment needs a reason code and an amount", plb.position());
            }
            adjustments.add(new ProviderAdjustment(plb.element(1), fiscalDate, reason,
                    nullIfEmpty(plb.component(identifier, 2)), amount));
        }
        return adjustments;
    }

    private static void addNonEmpty(List<String> codes, X12Segment segment, int... elements) {
        for (int element : elements) {
            if (!segment.element(element).isEmpty()) {
                codes.add(segment.element(element));
            }
        }
    }

    private static final class Header {
        RemittancePayment payment;
        String traceNumber;
        String originatingCompanyId;
        LocalDate productionDate;
        String payerName;
        String payerId;
        String payeeName;
        String payeeIdQualifier;
        String payeeId;
        String currentParty;

        void party(X12Segment n1) {
            currentParty = n1.element(1);
            if ("PR".equals(currentParty)) {
                payerName = nullIfEmpty(n1.element(2));
                if (payerId == null && "XV".equals(n1.element(3))) {
                    payerId = nullIfEmpty(n1.element(4));
                }
            } else if ("PE".equals(currentParty)) {
                payeeName = nullIfEmpty(n1.element(2));
                payeeIdQualifier = nullIfEmpty(n1.element(3));
                payeeId = nullIfEmpty(n1.element(4));
            }
        }
    }

    private static final class ClaimBuilder {
        final X12Segment clp;
        PersonName patientName;
        final Map<String, LocalDate> dates = new LinkedHashMap<>();
        final List<Adjustment> adjustments = new ArrayList<>();
        final List<String> remarkCodes = new ArrayList<>();
        final List<ServiceLinePayment> lines = new ArrayList<>();
        BigDecimal interestAmount;

        ClaimBuilder(X12Segment clp) {
            this.clp = clp;
        }

        ClaimPayment build() throws X12ParseException {
            if (clp.element(1).isEmpty()) {
                throw new X12ParseException(clp.describe(1) + " (patient control number) is required but empty", clp.position());
            }
            if (clp.element(2).isEmpty()) {
                throw new X12ParseException(clp.describe(2) + " (claim status code) is required but empty", clp.position());
            }
            return new ClaimPayment(clp.element(1), clp.element(2), clp.requiredDecimal(3), clp.requiredDecimal(4),
                    clp.decimal(5), nullIfEmpty(clp.element(6)), nullIfEmpty(clp.element(7)),
                    nullIfEmpty(clp.element(8)), nullIfEmpty(clp.element(9)), patientName, dates, adjustments,
                    remarkCodes, lines, interestAmount, clp.position());
        }
    }

    private static final class LineBuilder {
        final X12Segment svc;
        LocalDate serviceDate;
        LocalDate periodStart;
        final List<Adjustment> adjustments = new ArrayList<>();
        String lineItemControlNumber;
        BigDecimal allowedAmount;
        final List<String> remarkCodes = new ArrayList<>();

        LineBuilder(X12Segment svc) {
            this.svc = svc;
        }

        void date(String qualifier, LocalDate date) {
            if ("472".equals(qualifier)) {
                serviceDate = date;
            } else if ("150".equals(qualifier)) {
                periodStart = date;
            }
        }

        ServiceLinePayment build() throws X12ParseException {
            List<String> modifiers = new ArrayList<>();
            for (int c = 3; c <= 6; c++) {
                String modifier = svc.component(1, c);
                if (!modifier.isEmpty()) {
                    modifiers.add(modifier);
                }
            }
            if (svc.component(1, 2).isEmpty()) {
                throw new X12ParseException(svc.describe(1) + " (procedure code) is required but empty", svc.position());
            }
            BigDecimal units = svc.decimal(5);
            return new ServiceLinePayment(svc.component(1, 1), svc.component(1, 2), modifiers,
                    svc.requiredDecimal(2), svc.requiredDecimal(3), units == null ? BigDecimal.ONE : units,
                    nullIfEmpty(svc.component(6, 2)), serviceDate != null ? serviceDate : periodStart,
                    adjustments, lineItemControlNumber, allowedAmount, remarkCodes, svc.position());
        }
    }
}
