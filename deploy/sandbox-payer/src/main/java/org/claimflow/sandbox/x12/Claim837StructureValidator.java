package org.claimflow.sandbox.x12;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.claimflow.sandbox.x12.SegmentError.ElementError;

/**
 * The structural checks of an 837P that StAEDI's envelope validation does not make: the segments the
 * sandbox needs to read a claim (BHT, submitter, receiver, billing provider, subscriber, payer, CLM, and
 * SV1 with DTP*472 in every service line), a consistent HL hierarchy, and well-formed amounts, codes
 * and dates. Missing member ids or NPIs, balance and empty claims are front-door rejections in the
 * 277CA instead, as at a real clearinghouse.
 */
public final class Claim837StructureValidator {

    public List<SegmentError> validate(TransactionSet transaction) {
        List<Segment> segments = transaction.segments();
        List<SegmentError> errors = new ArrayList<>();
        if (segments.size() < 2 || !segments.get(1).tag().equals("BHT")) {
            errors.add(SegmentError.missing("BHT", 2, ""));
        }
        int firstHl = indexOf(segments, 0, segments.size(), s -> s.tag().equals("HL"));
        int headerEnd = firstHl < 0 ? segments.size() : firstHl;
        if (indexOf(segments, 0, headerEnd, s -> s.is("NM1", "41")) < 0) {
            errors.add(SegmentError.missing("NM1", positionAt(segments, headerEnd), "1000A"));
        }
        if (indexOf(segments, 0, headerEnd, s -> s.is("NM1", "40")) < 0) {
            errors.add(SegmentError.missing("NM1", positionAt(segments, headerEnd), "1000B"));
        }
        if (firstHl < 0) {
            errors.add(SegmentError.missing("HL", positionAt(segments, segments.size() - 1), "2000A"));
            return errors;
        }
        checkHierarchy(segments, errors);
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            switch (s.tag()) {
                case "CLM" -> checkClaim(s, errors);
                case "LX" -> checkServiceLine(segments, i, errors);
                default -> {
                    // other segments are read leniently
                }
            }
        }
        return errors;
    }

    private void checkHierarchy(List<Segment> segments, List<SegmentError> errors) {
        Set<String> ids = new HashSet<>();
        boolean billingProviderSeen = false;
        for (int i = 0; i < segments.size(); i++) {
            Segment hl = segments.get(i);
            if (!hl.tag().equals("HL")) {
                continue;
            }
            int end = indexOf(segments, i + 1, segments.size(), s -> s.tag().equals("HL") || s.tag().equals("SE"));
            end = end < 0 ? segments.size() : end;
            List<ElementError> elementErrors = new ArrayList<>();
            if (hl.element(1).isEmpty()) {
                elementErrors.add(new ElementError(1, -1, "628", "1", ""));
            } else if (!ids.add(hl.element(1))) {
                elementErrors.add(new ElementError(1, -1, "628", "7", hl.element(1)));
            }
            if (!hl.element(2).isEmpty() && (!ids.contains(hl.element(2)) || hl.element(2).equals(hl.element(1)))) {
                elementErrors.add(new ElementError(2, -1, "734", "7", hl.element(2)));
            }
            String level = hl.element(3);
            switch (level) {
                case "20" -> {
                    billingProviderSeen = true;
                    if (indexOf(segments, i + 1, end, s -> s.is("NM1", "85")) < 0) {
                        errors.add(SegmentError.missing("NM1", positionAt(segments, Math.min(i + 1, end)), "2010AA"));
                    }
                }
                case "22" -> {
                    if (i + 1 >= segments.size() || !segments.get(i + 1).tag().equals("SBR")) {
                        errors.add(SegmentError.missing("SBR", positionAt(segments, i + 1), "2000B"));
                    }
                    int claimStart = indexOf(segments, i + 1, end, s -> s.tag().equals("CLM"));
                    int subscriberEnd = claimStart < 0 ? end : claimStart;
                    if (indexOf(segments, i + 1, subscriberEnd, s -> s.is("NM1", "IL")) < 0) {
                        errors.add(SegmentError.missing("NM1", positionAt(segments, subscriberEnd), "2010BA"));
                    }
                    if (indexOf(segments, i + 1, subscriberEnd, s -> s.is("NM1", "PR")) < 0) {
                        errors.add(SegmentError.missing("NM1", positionAt(segments, subscriberEnd), "2010BB"));
                    }
                }
                case "23" -> {
                    // the patient loop adds nothing the sandbox needs
                }
                default -> elementErrors.add(new ElementError(3, -1, "735", "7", level));
            }
            if (!billingProviderSeen && !level.equals("20")) {
                errors.add(new SegmentError("HL", hl.position(), "2000A", "7", List.of()));
                billingProviderSeen = true;
            }
            if (!elementErrors.isEmpty()) {
                errors.add(SegmentError.withElementErrors(hl, loopOf(level), elementErrors));
            }
        }
    }

    private void checkClaim(Segment clm, List<SegmentError> errors) {
        List<ElementError> elementErrors = new ArrayList<>();
        if (clm.element(1).isEmpty()) {
            elementErrors.add(new ElementError(1, -1, "1028", "1", ""));
        }
        decimalError(clm.element(2), 2, -1, "782").ifPresent(elementErrors::add);
        if (clm.component(5, 1).isEmpty()) {
            elementErrors.add(new ElementError(5, 1, "1331", "1", ""));
        }
        String frequency = clm.component(5, 3);
        if (frequency.isEmpty()) {
            elementErrors.add(new ElementError(5, 3, "1325", "1", ""));
        } else if (!Set.of("1", "7", "8").contains(frequency)) {
            elementErrors.add(new ElementError(5, 3, "1325", "7", frequency));
        }
        if (!elementErrors.isEmpty()) {
            errors.add(SegmentError.withElementErrors(clm, "2300", elementErrors));
        }
    }

    private void checkServiceLine(List<Segment> segments, int lx, List<SegmentError> errors) {
        int end = indexOf(segments, lx + 1, segments.size(),
                s -> Set.of("LX", "CLM", "HL", "SE").contains(s.tag()));
        end = end < 0 ? segments.size() : end;
        if (lx + 1 >= segments.size() || !segments.get(lx + 1).tag().equals("SV1")) {
            errors.add(SegmentError.missing("SV1", positionAt(segments, lx + 1), "2400"));
        } else {
            Segment sv1 = segments.get(lx + 1);
            List<ElementError> elementErrors = new ArrayList<>();
            if (!Set.of("HC", "WK").contains(sv1.component(1, 1))) {
                elementErrors.add(new ElementError(1, 1, "235", sv1.component(1, 1).isEmpty() ? "1" : "7", sv1.component(1, 1)));
            }
            if (sv1.component(1, 2).isEmpty()) {
                elementErrors.add(new ElementError(1, 2, "234", "1", ""));
            }
            decimalError(sv1.element(2), 2, -1, "782").ifPresent(elementErrors::add);
            decimalError(sv1.element(4), 4, -1, "380").ifPresent(elementErrors::add);
            if (!elementErrors.isEmpty()) {
                errors.add(SegmentError.withElementErrors(sv1, "2400", elementErrors));
            }
        }
        int dtp = indexOf(segments, lx + 1, end, s -> s.is("DTP", "472"));
        if (dtp < 0) {
            errors.add(SegmentError.missing("DTP", positionAt(segments, end), "2400"));
            return;
        }
        Segment date = segments.get(dtp);
        if (!Set.of("D8", "RD8").contains(date.element(2))) {
            errors.add(SegmentError.withElementErrors(date, "2400",
                    List.of(new ElementError(2, -1, "1250", "7", date.element(2)))));
        } else if (X12Values.period(date.element(2), date.element(3)).isEmpty()) {
            errors.add(SegmentError.withElementErrors(date, "2400",
                    List.of(new ElementError(3, -1, "1251", "8", date.element(3)))));
        }
    }

    private static Optional<ElementError> decimalError(String value, int position, int component, String reference) {
        if (value.isEmpty()) {
            return Optional.of(new ElementError(position, component, reference, "1", ""));
        }
        if (!X12Values.isDecimal(value)) {
            return Optional.of(new ElementError(position, component, reference, "6", value));
        }
        return Optional.empty();
    }

    private static String loopOf(String level) {
        return switch (level) {
            case "20" -> "2000A";
            case "22" -> "2000B";
            case "23" -> "2000C";
            default -> "";
        };
    }

    private static int indexOf(List<Segment> segments, int from, int to, Predicate<Segment> test) {
        for (int i = Math.max(from, 0); i < Math.min(to, segments.size()); i++) {
            if (test.test(segments.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The position a missing segment is reported at: that of the segment found in its place. */
    private static int positionAt(List<Segment> segments, int index) {
        if (segments.isEmpty()) {
            return 1;
        }
        return segments.get(Math.max(0, Math.min(index, segments.size() - 1))).position();
    }
}
