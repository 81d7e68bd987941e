package org.claimflow.eligibility.x12;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the segments of one 271 transaction into responses, one per subscriber (HL 22) or dependent
 * (HL 23). Loops are recognised by the segments that open them (HL, NM1, EB, LS/LE); the StAEDI
 * reader gives the segments flat.
 */
final class Eligibility271Mapper {

    private static final String HEALTH_BENEFIT_PLAN_COVERAGE = "30";
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d{1,18}(\\.\\d{0,18})?|\\.\\d{1,18})");
    private static final Pattern CCYYMMDD = Pattern.compile("\\d{8}");
    private static final Set<String> GROUP_NUMBER_QUALIFIERS = Set.of("6P", "1L");

    private final X12SegmentReader.Transaction transaction;
    private final Map<String, Level> levelsById = new HashMap<>();
    private final List<Level> levels = new ArrayList<>();
    private String referenceId;

    private Eligibility271Mapper(X12SegmentReader.Transaction transaction) {
        this.transaction = transaction;
    }

    static List<EligibilityResponse> map(X12SegmentReader.Transaction transaction) throws X12ParseException {
        return new Eligibility271Mapper(transaction).map();
    }

    /** One HL level with what its 2100 and 2110 loops said. */
    private static final class Level {
        final String code;
        final Level parent;
        String name;
        String idQualifier;
        String id;
        String trace;
        String groupNumber;
        final Periods dates = new Periods();
        final List<RequestError> errors = new ArrayList<>();
        final List<BenefitLoop> benefits = new ArrayList<>();

        Level(String code, Level parent) {
            this.code = code;
            this.parent = parent;
        }

        String loopLetter() {
            return switch (code) {
                case "20" -> "A";
                case "21" -> "B";
                case "22" -> "C";
                case "23" -> "D";
                default -> "?";
            };
        }

        boolean isMember() {
            return "22".equals(code) || "23".equals(code);
        }
    }

    /** An EB and the DTP/MSG segments of its 2110 loop. */
    private static final class BenefitLoop {
        final X12Segment eb;
        final Periods dates = new Periods();
        final List<String> messages = new ArrayList<>();

        BenefitLoop(X12Segment eb) {
            this.eb = eb;
        }
    }

    private List<EligibilityResponse> map() throws X12ParseException {
        checkTransaction();
        walk();
        List<EligibilityResponse> responses = new ArrayList<>();
        for (Level level : levels) {
            if (level.isMember()) {
                responses.add(response(level));
            }
        }
        if (responses.isEmpty()) {
            responses.add(response(null));
        }
        return responses;
    }

    private void checkTransaction() throws X12ParseException {
        if (!"271".equals(transaction.type())) {
            throw new X12ParseException("Transaction set " + printable(transaction.type()) + " is not a 271 eligibility response",
                    transaction.position(), "ST");
        }
        String version = transaction.version();
        if (version == null || !version.startsWith("005010X279")) {
            throw new X12ParseException("Transaction version " + printable(version)
                    + " is not supported (expected 005010X279A1 or 005010X279)", transaction.position(), "ST");
        }
    }

    private void walk() throws X12ParseException {
        Level current = null;
        BenefitLoop benefit = null;
        String loop = null;
        boolean inRelatedEntity = false;
        for (X12Segment segment : transaction.segments()) {
            switch (segment.tag()) {
                case "BHT" -> referenceId = segment.element(3);
                case "HL" -> {
                    current = level(segment);
                    benefit = null;
                    inRelatedEntity = false;
                    loop = "2000" + current.loopLetter();
                }
                case "TRN" -> {
                    if (current != null && "2".equals(segment.element(1)) && current.trace == null) {
                        current.trace = segment.element(2);
                    }
                }
                case "NM1" -> {
                    if (!inRelatedEntity) {
                        Level at = require(current, segment);
                        at.name = segment.element(3);
                        at.idQualifier = segment.element(8);
                        at.id = segment.element(9);
                        benefit = null;
                        loop = "2100" + at.loopLetter();
                    }
                }
                case "REF" -> {
                    // element() is null for an empty REF01, and Set.of(...).contains(null) throws
                    String qualifier = segment.element(1);
                    if (current != null && benefit == null && current.groupNumber == null
                            && qualifier != null && GROUP_NUMBER_QUALIFIERS.contains(qualifier)) {
                        current.groupNumber = segment.element(2);
                    }
                }
                case "DTP" -> {
                    if (benefit != null) {
                        benefit.dates.add(segment);
                    } else if (current != null) {
                        current.dates.add(segment);
                    }
                }
                case "AAA" -> require(current, segment).errors.add(new RequestError(loop, "Y".equals(segment.element(1)),
                        segment.element(3), segment.element(4)));
                case "EB" -> {
                    Level at = require(current, segment);
                    if (segment.element(1) == null) {
                        throw new X12ParseException("EB01 is missing", segment.position(), "EB");
                    }
                    benefit = new BenefitLoop(segment);
                    at.benefits.add(benefit);
                    inRelatedEntity = false;
                    loop = "2110" + at.loopLetter();
                }
                case "MSG" -> {
                    if (benefit != null && segment.element(1) != null) {
                        benefit.messages.add(segment.element(1));
                    }
                }
                case "LS" -> inRelatedEntity = true;
                case "LE" -> inRelatedEntity = false;
                default -> {
                    // N3, N4, DMG, INS, PRV, HSD, III…: not part of the normalised answer
                }
            }
        }
        if (levels.isEmpty()) {
            throw new X12ParseException("271 transaction " + printable(transaction.controlNumber()) + " has no HL segment",
                    transaction.position(), "ST");
        }
    }

    private Level level(X12Segment hl) throws X12ParseException {
        String id = hl.element(1);
        String parentId = hl.element(2);
        String code = hl.element(3);
        if (id == null || code == null) {
            throw new X12ParseException("HL01 and HL03 are required", hl.position(), "HL");
        }
        if (levelsById.containsKey(id)) {
            throw new X12ParseException("HL01 repeats an earlier hierarchical id", hl.position(), "HL");
        }
        Level parent = null;
        if (parentId != null) {
            parent = levelsById.get(parentId);
            if (parent == null) {
                throw new X12ParseException("HL02 does not refer to an earlier HL", hl.position(), "HL");
            }
        }
        Level level = new Level(code, parent);
        levelsById.put(id, level);
        levels.add(level);
        return level;
    }

    private static Level require(Level current, X12Segment segment) throws X12ParseException {
        if (current == null) {
            throw new X12ParseException(segment.tag() + " segment before the first HL", segment.position(), segment.tag());
        }
        return current;
    }

    private EligibilityResponse response(Level member) throws X12ParseException {
        List<RequestError> errors = new ArrayList<>();
        List<Level> lineage = new ArrayList<>();
        for (Level l = member; l != null; l = l.parent) {
            lineage.add(0, l);
        }
        if (member == null) {
            lineage.addAll(levels);
        }
        Level payer = null;
        Level subscriber = null;
        for (Level l : lineage) {
            errors.addAll(l.errors);
            if ("20".equals(l.code) && payer == null) {
                payer = l;
            }
            if ("22".equals(l.code)) {
                subscriber = l;
            }
        }
        if (payer == null) {
            payer = levels.stream().filter(l -> "20".equals(l.code)).findFirst().orElse(null);
        }

        List<Benefit> benefits = new ArrayList<>();
        if (member != null) {
            for (BenefitLoop loop : member.benefits) {
                benefits.add(benefit(loop));
            }
        }
        Benefit coverage = coverageBenefit(benefits);
        String trace = member == null ? null : member.trace;
        if (trace == null && subscriber != null) {
            trace = subscriber.trace;
        }
        LocalDate planBegin = member == null ? null : member.dates.begin();
        LocalDate planEnd = member == null ? null : member.dates.end();
        if (planBegin == null && planEnd == null && coverage != null) {
            planBegin = coverage.periodBegin();
            planEnd = coverage.periodEnd();
        }
        return new EligibilityResponse(
                transaction.interchangeControlNumber(),
                transaction.controlNumber(),
                referenceId,
                trace,
                payer == null ? null : payer.name,
                payer == null ? null : payer.id,
                subscriber == null ? null : subscriber.id,
                member != null && "23".equals(member.code),
                groupNumber(member, subscriber),
                status(errors, benefits),
                planName(coverage, benefits),
                planBegin,
                planEnd,
                errors,
                benefits,
                transaction.warnings());
    }

    private static String groupNumber(Level member, Level subscriber) {
        if (member != null && member.groupNumber != null) {
            return member.groupNumber;
        }
        return subscriber == null ? null : subscriber.groupNumber;
    }

    /**
     * Errors of the payer, provider and member loops decide; an AAA of a 2110 loop (one benefit
     * inquiry) decides only when no coverage was reported.
     */
    private static EligibilityStatus status(List<RequestError> errors, List<Benefit> benefits) {
        List<RequestError> requestLevel = errors.stream()
                .filter(e -> e.loop() == null || !e.loop().startsWith("2110"))
                .toList();
        if (!requestLevel.isEmpty()) {
            return statusOf(requestLevel);
        }
        EligibilityStatus coverage = coverageStatus(benefits);
        if (coverage != EligibilityStatus.UNKNOWN || errors.isEmpty()) {
            return coverage;
        }
        return statusOf(errors);
    }

    private static EligibilityStatus statusOf(List<RequestError> errors) {
        if (errors.stream().allMatch(RequestError::temporary)) {
            return EligibilityStatus.ERROR;
        }
        if (errors.stream().anyMatch(RequestError::memberNotFound)) {
            return EligibilityStatus.NOT_FOUND;
        }
        return EligibilityStatus.REJECTED;
    }

    /** Health benefit plan coverage (30, or no service type) first, then any service type. */
    private static EligibilityStatus coverageStatus(List<Benefit> benefits) {
        for (boolean planLevelOnly : new boolean[] { true, false }) {
            List<Benefit> considered = benefits.stream()
                    .filter(b -> !planLevelOnly || isPlanLevel(b))
                    .toList();
            if (considered.stream().anyMatch(b -> b.type() == BenefitType.ACTIVE_COVERAGE)) {
                return EligibilityStatus.ACTIVE;
            }
            if (considered.stream().anyMatch(b -> b.type() == BenefitType.INACTIVE)) {
                return EligibilityStatus.INACTIVE;
            }
        }
        return EligibilityStatus.UNKNOWN;
    }

    private static boolean isPlanLevel(Benefit benefit) {
        return benefit.serviceTypeCodes().isEmpty() || benefit.coversServiceType(HEALTH_BENEFIT_PLAN_COVERAGE);
    }

    private static Benefit coverageBenefit(List<Benefit> benefits) {
        Benefit anyCoverage = null;
        for (Benefit b : benefits) {
            boolean coverage = b.type() == BenefitType.ACTIVE_COVERAGE || b.type() == BenefitType.INACTIVE;
            if (coverage && isPlanLevel(b)) {
                return b;
            }
            if (coverage && anyCoverage == null) {
                anyCoverage = b;
            }
        }
        return anyCoverage;
    }

    private static String planName(Benefit coverage, List<Benefit> benefits) {
        if (coverage != null && coverage.planDescription() != null) {
            return coverage.planDescription();
        }
        return benefits.stream().map(Benefit::planDescription).filter(d -> d != null).findFirst().orElse(null);
    }

    private static Benefit benefit(BenefitLoop loop) throws X12ParseException {
        X12Segment eb = loop.eb;
        String eb11 = eb.element(11);
        BenefitType type = BenefitType.fromCode(eb.element(1));
        BigDecimal amount = decimal(eb, 7);
        BigDecimal percent = decimal(eb, 8);
        if (type == BenefitType.COINSURANCE && percent == null && isFraction(amount)) {
            // Some senders put the coinsurance rate one element early (EB*A*IND*30****.20): a
            // coinsurance has no amount of its own, so a fraction in EB07 can only be the rate.
            percent = amount;
        }
        return new Benefit(
                type,
                eb.element(1),
                CoverageLevel.fromCode(eb.element(2)),
                eb.values(3),
                eb.element(4),
                eb.element(5),
                TimePeriod.fromCode(eb.element(6)),
                amount,
                percent,
                eb.element(9),
                decimal(eb, 10),
                "Y".equals(eb11) ? Boolean.TRUE : "N".equals(eb11) ? Boolean.FALSE : null,
                Network.fromCode(eb.element(12)),
                loop.dates.begin(),
                loop.dates.end(),
                loop.messages);
    }

    private static boolean isFraction(BigDecimal value) {
        return value != null && value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
    }

    private static BigDecimal decimal(X12Segment segment, int position) throws X12ParseException {
        String value = segment.element(position);
        if (value == null) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw new X12ParseException(String.format("%s%02d is not a decimal number", segment.tag(), position),
                    segment.position(), segment.tag());
        }
        return new BigDecimal(value);
    }

    private static String printable(String code) {
        return code != null && code.matches("[A-Za-z0-9]{1,15}") ? code : "(invalid)";
    }

    /**
     * Dates of a loop by kind: plan (346 begin, 347 end, 291 plan), eligibility (356, 357, 307),
     * benefit (348, 349, 292). The first kind present wins; within a kind the first date wins.
     */
    private static final class Periods {
        private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
        private final LocalDate[] begin = new LocalDate[3];
        private final LocalDate[] end = new LocalDate[3];

        void add(X12Segment dtp) throws X12ParseException {
            String qualifier = dtp.element(1);
            if (qualifier == null) {
                return;
            }
            int kind;
            char role; // b: begin, e: end, r: a period
            switch (qualifier) {
                case "346" -> { kind = 0; role = 'b'; }
                case "347" -> { kind = 0; role = 'e'; }
                case "291" -> { kind = 0; role = 'r'; }
                case "356" -> { kind = 1; role = 'b'; }
                case "357" -> { kind = 1; role = 'e'; }
                case "307" -> { kind = 1; role = 'r'; }
                case "348" -> { kind = 2; role = 'b'; }
                case "349" -> { kind = 2; role = 'e'; }
                case "292" -> { kind = 2; role = 'r'; }
                default -> {
                    return;
                }
            }
            String format = dtp.element(2);
            String value = dtp.element(3);
            LocalDate first;
            LocalDate last;
            if ("D8".equals(format)) {
                first = date(value, dtp);
                last = first;
            } else if ("RD8".equals(format)) {
                int dash = value == null ? -1 : value.indexOf('-');
                if (dash < 0) {
                    throw new X12ParseException("DTP03 is not a CCYYMMDD-CCYYMMDD range", dtp.position(), "DTP");
                }
                first = date(value.substring(0, dash), dtp);
                last = date(value.substring(dash + 1), dtp);
            } else {
                return;
            }
            if (role != 'e' && begin[kind] == null) {
                begin[kind] = first;
            }
            if (role == 'e' && end[kind] == null) {
                end[kind] = last;
            }
            if (role == 'r' && "RD8".equals(format) && end[kind] == null) {
                end[kind] = last;
            }
        }

        LocalDate begin() {
            for (int kind = 0; kind < 3; kind++) {
                if (begin[kind] != null || end[kind] != null) {
                    return begin[kind];
                }
            }
            return null;
        }

        LocalDate end() {
            for (int kind = 0; kind < 3; kind++) {
                if (begin[kind] != null || end[kind] != null) {
                    return end[kind];
                }
            }
            return null;
        }

        private static LocalDate date(String value, X12Segment dtp) throws X12ParseException {
            if (value == null || !CCYYMMDD.matcher(value).matches()) {
                throw new X12ParseException("DTP03 is not a CCYYMMDD date", dtp.position(), "DTP");
            }
            try {
                return LocalDate.parse(value, BASIC);
            } catch (DateTimeException e) {
                throw new X12ParseException("DTP03 is not a valid date", dtp.position(), "DTP");
            }
        }
    }
}
