package org.claimflow.billing.x12;

import static org.claimflow.billing.x12.ReaderSupport.nullIfEmpty;
import static org.claimflow.billing.x12.ReaderSupport.optionalDate;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the answers to a submitted 837P: the 999 implementation acknowledgment (005010X231A1: was the file
 * syntactically accepted, per transaction set) and the 277CA claim acknowledgment (005010X214: was each
 * claim accepted into the payer's system or rejected at the front door). Same leniency and failure rules as
 * {@link RemittanceReader}: envelope defects are warnings, malformed content is an {@link X12ParseException}
 * naming the segment, never patient data.
 */
public final class AcknowledgmentReader {

    /** HL03 codes of the claim level: PT in the 277CA (2000D), 22/23 in a 277 claim status response. */
    private static final Set<String> CLAIM_LEVELS = Set.of("PT", "22", "23");
    private static final Set<String> ACCEPTED_CATEGORIES = Set.of("A1", "A2", "A5");
    private static final Set<String> REJECTED_CATEGORIES = Set.of("A3", "A4", "A6", "A7", "A8");

    private AcknowledgmentReader() {
    }

    public static X12Result<FunctionalAcknowledgment> read999(InputStream input) throws X12ParseException {
        return read999(bytes(input));
    }

    public static X12Result<FunctionalAcknowledgment> read999(byte[] x12) throws X12ParseException {
        return ReaderSupport.parseAll(x12, "999", AcknowledgmentReader::parse999);
    }

    public static X12Result<ClaimAcknowledgment> read277CA(InputStream input) throws X12ParseException {
        return read277CA(bytes(input));
    }

    /** Reads every claim of every 277 transaction; a 277 claim status response (X212) reads the same way. */
    public static X12Result<ClaimAcknowledgment> read277CA(byte[] x12) throws X12ParseException {
        X12Result<List<ClaimAcknowledgment>> perTransaction = ReaderSupport.parseAll(x12, "277", AcknowledgmentReader::parse277);
        return new X12Result<>(perTransaction.documents().stream().flatMap(List::stream).toList(), perTransaction.warnings());
    }

    private static byte[] bytes(InputStream input) throws X12ParseException {
        try {
            return input.readAllBytes();
        } catch (IOException e) {
            throw new X12ParseException("could not read the input: " + e.getClass().getSimpleName(), -1, e);
        }
    }

    private static FunctionalAcknowledgment parse999(X12Transaction transaction, List<String> warnings) throws X12ParseException {
        X12Segment ak1 = null;
        X12Segment ak9 = null;
        List<TransactionSetAcknowledgment> sets = new ArrayList<>();
        X12Segment ak2 = null;
        List<SegmentError> segmentErrors = new ArrayList<>();
        X12Segment ik3 = null;
        List<ElementError> elementErrors = new ArrayList<>();

        for (X12Segment segment : transaction.segments()) {
            switch (segment.tag()) {
                case "AK1" -> ak1 = segment;
                case "AK2" -> {
                    requireClosed(ak2, segment);
                    ak2 = segment;
                    segmentErrors = new ArrayList<>();
                    ik3 = null;
                }
                case "IK3" -> {
                    requireOpen(ak2, segment, "AK2");
                    addSegmentError(ik3, elementErrors, segmentErrors);
                    ik3 = segment;
                    elementErrors = new ArrayList<>();
                }
                case "IK4" -> {
                    requireOpen(ik3, segment, "IK3");
                    Integer position = segment.integer(1, 1);
                    if (position == null) {
                        throw new X12ParseException(segment.describe(1) + " (element position) is required but empty", segment.position());
                    }
                    elementErrors.add(new ElementError(position, segment.integer(1, 2), segment.integer(1, 3),
                            nullIfEmpty(segment.element(2)), nullIfEmpty(segment.element(3))));
                }
                case "IK5" -> {
                    requireOpen(ak2, segment, "AK2");
                    addSegmentError(ik3, elementErrors, segmentErrors);
                    ik3 = null;
                    sets.add(new TransactionSetAcknowledgment(ak2.element(1), ak2.element(2), nullIfEmpty(ak2.element(3)),
                            status(segment), codes(segment, 2, 6), segmentErrors));
                    ak2 = null;
                }
                case "AK9" -> {
                    requireClosed(ak2, segment);
                    ak9 = segment;
                }
                default -> {
                    // CTX: context of an error; it may quote claim data, so it is not kept
                }
            }
        }
        if (ak1 == null) {
            throw new X12ParseException(transaction.describe() + " has no AK1 segment", transaction.headerPosition());
        }
        requireClosed(ak2, null);
        if (ak9 == null) {
            throw new X12ParseException(transaction.describe() + " has no AK9 segment", transaction.headerPosition());
        }
        return new FunctionalAcknowledgment(transaction.interchangeControlNumber(), transaction.controlNumber(),
                ak1.element(1), ak1.element(2), nullIfEmpty(ak1.element(3)), status(ak9), count(ak9, 2),
                count(ak9, 3), count(ak9, 4), codes(ak9, 5, 9), sets);
    }

    private static void addSegmentError(X12Segment ik3, List<ElementError> elementErrors, List<SegmentError> segmentErrors)
            throws X12ParseException {
        if (ik3 == null) {
            return;
        }
        Integer position = ik3.integer(2, 1);
        if (ik3.element(1).isEmpty() || position == null) {
            throw new X12ParseException(ik3.describe(1) + ": IK301 segment id and IK302 position are required", ik3.position());
        }
        segmentErrors.add(new SegmentError(ik3.element(1), position, nullIfEmpty(ik3.element(3)),
                nullIfEmpty(ik3.element(4)), elementErrors));
    }

    private static AcknowledgmentStatus status(X12Segment segment) throws X12ParseException {
        if (segment.element(1).isEmpty()) {
            throw new X12ParseException(segment.describe(1) + " (acknowledgment code) is required but empty", segment.position());
        }
        return AcknowledgmentStatus.fromCode(segment.element(1));
    }

    private static int count(X12Segment ak9, int element) throws X12ParseException {
        Integer value = ak9.integer(element, 1);
        return value == null ? 0 : value;
    }

    private static List<String> codes(X12Segment segment, int from, int to) {
        List<String> codes = new ArrayList<>();
        for (int element = from; element <= to; element++) {
            if (!segment.element(element).isEmpty()) {
                codes.add(segment.element(element));
            }
        }
        return codes;
    }

    private static void requireOpen(X12Segment opener, X12Segment segment, String expected) throws X12ParseException {
        if (opener == null) {
            throw new X12ParseException("%s (segment %d) is not inside an %s loop".formatted(segment.tag(),
                    segment.position(), expected), segment.position());
        }
    }

    private static void requireClosed(X12Segment ak2, X12Segment next) throws X12ParseException {
        if (ak2 != null) {
            throw new X12ParseException("AK2 (segment %d) has no IK5 before %s".formatted(ak2.position(),
                    next == null ? "the end of the transaction" : "%s (segment %d)".formatted(next.tag(), next.position())),
                    ak2.position());
        }
    }

    private static List<ClaimAcknowledgment> parse277(X12Transaction transaction, List<String> warnings) throws X12ParseException {
        List<ClaimAcknowledgment> claims = new ArrayList<>();
        String level = "";
        ClaimBuilder claim = null;
        boolean inServiceLine = false;

        for (X12Segment segment : transaction.segments()) {
            switch (segment.tag()) {
                case "HL" -> {
                    claim = finish(claim, transaction, claims);
                    level = segment.element(3);
                    inServiceLine = false;
                }
                case "TRN" -> {
                    if (CLAIM_LEVELS.contains(level) && "2".equals(segment.element(1))) {
                        claim = finish(claim, transaction, claims);
                        if (segment.element(2).isEmpty()) {
                            throw new X12ParseException(segment.describe(2) + " (claim trace number) is required but empty", segment.position());
                        }
                        claim = new ClaimBuilder(segment);
                        inServiceLine = false;
                    }
                }
                case "STC" -> {
                    if (claim != null && !inServiceLine) {
                        claim.statuses.addAll(statuses(segment, warnings));
                    }
                }
                case "REF" -> {
                    if (claim != null && !inServiceLine) {
                        if ("1K".equals(segment.element(1))) {
                            claim.payerClaimControlNumber = nullIfEmpty(segment.element(2));
                        } else if ("D9".equals(segment.element(1))) {
                            claim.clearinghouseTraceNumber = nullIfEmpty(segment.element(2));
                        }
                    }
                }
                // Loop 2220D (service line status) follows the claim's own segments; its STCs are not the claim's.
                case "SVC" -> inServiceLine = claim != null;
                default -> {
                    // NM1 (names, may be patient data), DTP, QTY, AMT: not part of the model
                }
            }
        }
        finish(claim, transaction, claims);
        return claims;
    }

    /** STC01 and, when present, STC10 and STC11: each a category:status:entity composite of the same STC. */
    private static List<ClaimStatus> statuses(X12Segment stc, List<String> warnings) throws X12ParseException {
        List<ClaimStatus> statuses = new ArrayList<>();
        LocalDate date = optionalDate(stc, 2, warnings);
        for (int element : new int[] {1, 10, 11}) {
            if (stc.component(element, 1).isEmpty()) {
                if (element == 1) {
                    throw new X12ParseException(stc.describe(1) + " (status category code) is required but empty", stc.position());
                }
                continue;
            }
            statuses.add(new ClaimStatus(stc.component(element, 1), nullIfEmpty(stc.component(element, 2)),
                    nullIfEmpty(stc.component(element, 3)), date, nullIfEmpty(stc.element(3)), stc.decimal(4),
                    nullIfEmpty(stc.element(12))));
        }
        return statuses;
    }

    private static ClaimBuilder finish(ClaimBuilder claim, X12Transaction transaction, List<ClaimAcknowledgment> claims) {
        if (claim != null) {
            claims.add(claim.build(transaction));
        }
        return null;
    }

    private static final class ClaimBuilder {
        final X12Segment trn;
        String payerClaimControlNumber;
        String clearinghouseTraceNumber;
        final List<ClaimStatus> statuses = new ArrayList<>();

        ClaimBuilder(X12Segment trn) {
            this.trn = trn;
        }

        ClaimAcknowledgment build(X12Transaction transaction) {
            return new ClaimAcknowledgment(transaction.interchangeControlNumber(), transaction.controlNumber(),
                    trn.element(2), payerClaimControlNumber, clearinghouseTraceNumber, outcome(), statuses, trn.position());
        }

        ClaimAcknowledgment.Outcome outcome() {
            if (statuses.stream().anyMatch(s -> REJECTED_CATEGORIES.contains(s.categoryCode()))) {
                return ClaimAcknowledgment.Outcome.REJECTED;
            }
            if (statuses.stream().anyMatch(s -> ACCEPTED_CATEGORIES.contains(s.categoryCode()))) {
                return ClaimAcknowledgment.Outcome.ACCEPTED;
            }
            return ClaimAcknowledgment.Outcome.UNDETERMINED;
        }
    }
}
