package org.claimflow.sandbox.x12;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimflow.sandbox.x12.EligibilityInquiry.Receiver;
import org.claimflow.sandbox.x12.EligibilityInquiry.Source;
import org.claimflow.sandbox.x12.EligibilityInquiry.Subscriber;

/** Reads a 270 (005010X279A1) transaction set, and checks the structure the sandbox needs to answer it. */
public final class Inquiry270Parser {

    public List<SegmentError> validate(TransactionSet transaction) {
        List<Segment> segments = transaction.segments();
        List<SegmentError> errors = new ArrayList<>();
        if (segments.size() < 2 || !segments.get(1).tag().equals("BHT")) {
            errors.add(SegmentError.missing("BHT", 2, ""));
        }
        boolean subscriberSeen = false;
        for (int i = 0; i < segments.size(); i++) {
            Segment hl = segments.get(i);
            if (!hl.tag().equals("HL")) {
                continue;
            }
            Segment next = i + 1 < segments.size() ? segments.get(i + 1) : hl;
            String level = hl.element(3);
            if (level.equals("22")) {
                subscriberSeen = true;
                boolean hasName = segments.subList(i + 1, segments.size()).stream()
                        .takeWhile(s -> !s.tag().equals("HL")).anyMatch(s -> s.is("NM1", "IL"));
                if (!hasName) {
                    errors.add(SegmentError.missing("NM1", next.position(), "2100C"));
                }
            } else if ((level.equals("20") || level.equals("21")) && !next.tag().equals("NM1")) {
                errors.add(SegmentError.missing("NM1", next.position(), level.equals("20") ? "2100A" : "2100B"));
            }
        }
        if (!subscriberSeen) {
            errors.add(SegmentError.missing("HL", segments.get(segments.size() - 1).position(), "2000C"));
        }
        return errors;
    }

    public EligibilityInquiry parse(TransactionSet transaction) {
        String batchReference = "";
        List<Source> sources = new ArrayList<>();
        List<Receiver> receivers = null;
        List<Subscriber> subscribers = null;
        SubscriberDraft draft = null;
        String level = "";
        for (Segment s : transaction.segments()) {
            switch (s.tag()) {
                case "BHT" -> batchReference = s.element(3);
                case "HL" -> {
                    if (draft != null) {
                        subscribers.add(draft.build());
                        draft = null;
                    }
                    level = s.element(3);
                    if (level.equals("22") && subscribers != null) {
                        draft = new SubscriberDraft();
                    }
                }
                case "NM1" -> {
                    if (level.equals("20")) {
                        receivers = new ArrayList<>();
                        sources.add(new Source(Party.of(s), receivers));
                    } else if (level.equals("21") && receivers != null) {
                        subscribers = new ArrayList<>();
                        receivers.add(new Receiver(s, subscribers));
                    } else if (draft != null && s.element(1).equals("IL")) {
                        draft.subscriber = Party.of(s);
                    }
                }
                case "TRN" -> {
                    if (draft != null && draft.trace.isEmpty()) {
                        draft.trace = s.element(2);
                        draft.originator = s.element(3);
                    }
                }
                case "DMG" -> {
                    if (draft != null && s.element(1).equals("D8")) {
                        draft.birthDate = X12Values.date(s.element(2)).orElse(null);
                    }
                }
                case "DTP" -> {
                    if (draft != null && s.element(1).equals("291")) {
                        draft.dateOfService = X12Values.period(s.element(2), s.element(3)).map(p -> p[0]).orElse(null);
                    }
                }
                default -> {
                    // EQ and the rest: the sandbox answers with the health benefit plan coverage (30) anyway
                }
            }
        }
        if (draft != null) {
            subscribers.add(draft.build());
        }
        return new EligibilityInquiry(batchReference, sources);
    }

    private static final class SubscriberDraft {
        String trace = "";
        String originator = "";
        Party subscriber = Party.unknown();
        LocalDate birthDate;
        LocalDate dateOfService;

        Subscriber build() {
            return new Subscriber(trace, originator, subscriber, birthDate, dateOfService);
        }
    }
}
