package org.claimflow.sandbox.x12;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.claimflow.sandbox.eligibility.EligibilityOutcome;
import org.claimflow.sandbox.seed.Member;
import org.claimflow.sandbox.seed.Payer;
import org.claimflow.sandbox.seed.Plan;
import org.claimflow.sandbox.x12.EligibilityInquiry.Receiver;
import org.claimflow.sandbox.x12.EligibilityInquiry.Source;
import org.claimflow.sandbox.x12.EligibilityInquiry.Subscriber;

/**
 * Writes a 271 (005010X279A1) that mirrors the 270's hierarchy: one transaction set per 270 set, the
 * subscriber's TRN echoed as TRN*2, benefits as EB segments (service type 30, copay on office visits 98).
 */
public final class Eligibility271Writer {

    public static final String VERSION = "005010X279A1";
    private static final String INDIVIDUAL = "IND";
    private static final String HEALTH_BENEFIT_PLAN = "30";
    private static final String OFFICE_VISIT = "98";
    private static final String IN_NETWORK = "Y";

    public String write(Interchange in, FunctionalGroup originalGroup, List<EligibilityInquiry> inquiries,
            Function<String, Optional<Payer>> payers, BiFunction<String, Subscriber, EligibilityAnswer> answers,
            long controlNumber, LocalDateTime now) {
        X12Writer out = new X12Writer(in.receiverQualifier(), in.receiverId(), in.senderQualifier(), in.senderId(),
                controlNumber, in.isTest(), now);
        X12Writer.Group group = out.group("HB", originalGroup.applicationReceiver(), originalGroup.applicationSender(), VERSION);
        for (EligibilityInquiry inquiry : inquiries) {
            X12Writer.Transaction t = group.transaction("271", VERSION);
            t.add("BHT", "0022", "11", inquiry.batchReference(), X12Values.d8(now.toLocalDate()), X12Values.hhmm(now));
            int hl = 0;
            for (Source source : inquiry.sources()) {
                int sourceHl = ++hl;
                Optional<Payer> payer = payers.apply(source.payer().id());
                boolean hasChildren = payer.isPresent() && !source.receivers().isEmpty();
                t.add("HL", Integer.toString(sourceHl), null, "20", hasChildren ? "1" : "0");
                if (payer.isEmpty()) {
                    t.add("NM1", "PR", "2", source.payer().name(), null, null, null, null, "PI", source.payer().id());
                    t.add("AAA", "Y", null, "79", "C");
                    continue;
                }
                t.add("NM1", "PR", "2", payer.get().name().toUpperCase(), null, null, null, null, "PI", payer.get().payerId());
                for (Receiver receiver : source.receivers()) {
                    int receiverHl = ++hl;
                    t.add("HL", Integer.toString(receiverHl), Integer.toString(sourceHl), "21",
                            receiver.subscribers().isEmpty() ? "0" : "1");
                    t.add("NM1", receiver.name().elements().stream().map(c -> c.toArray(String[]::new)).toArray());
                    for (Subscriber subscriber : receiver.subscribers()) {
                        t.add("HL", Integer.toString(++hl), Integer.toString(receiverHl), "22", "0");
                        writeSubscriber(t, payer.get(), subscriber, answers.apply(payer.get().payerId(), subscriber));
                    }
                }
            }
        }
        return out.build();
    }

    private static void writeSubscriber(X12Writer.Transaction t, Payer payer, Subscriber subscriber, EligibilityAnswer answer) {
        if (!subscriber.traceNumber().isEmpty()) {
            t.add("TRN", "2", subscriber.traceNumber(), subscriber.traceOriginator());
        }
        Party sent = subscriber.subscriber();
        switch (answer.outcome()) {
            case UNKNOWN_MEMBER, DEMOGRAPHICS_MISMATCH -> {
                t.add("NM1", "IL", "1", sent.name(), sent.firstName(), null, null, null,
                        sent.id().isEmpty() ? null : "MI", sent.id());
                t.add("AAA", "Y", null, answer.outcome() == EligibilityOutcome.UNKNOWN_MEMBER
                        ? "72" : "73", "C");
            }
            case ACTIVE, INACTIVE -> writeCoverage(t, payer, answer.member(),
                    answer.outcome() == EligibilityOutcome.ACTIVE);
        }
    }

    private static void writeCoverage(X12Writer.Transaction t, Payer payer, Member member, boolean active) {
        t.add("NM1", "IL", "1", member.lastName().toUpperCase(), member.firstName().toUpperCase(), null, null, null,
                "MI", member.memberId());
        t.add("DMG", "D8", X12Values.d8(member.dateOfBirth()), member.sex());
        Plan plan = member.plan();
        t.add("EB", active ? "1" : "6", INDIVIDUAL, HEALTH_BENEFIT_PLAN, payer.insuranceType(), plan.name().toUpperCase());
        t.add("DTP", "346", "D8", X12Values.d8(member.coverageStart()));
        member.coverageEndDate().ifPresent(end -> t.add("DTP", "347", "D8", X12Values.d8(end)));
        if (!active) {
            return;
        }
        if (plan.officeVisitCopay().signum() > 0) {
            benefit(t, "B", OFFICE_VISIT, "27", plan.officeVisitCopay(), null);
        }
        benefit(t, "A", HEALTH_BENEFIT_PLAN, null, null, plan.coinsurance());
        benefit(t, "C", HEALTH_BENEFIT_PLAN, "23", plan.deductible(), null);
        benefit(t, "C", HEALTH_BENEFIT_PLAN, "29", plan.deductibleRemaining(), null);
        plan.outOfPocket().ifPresent(max -> {
            benefit(t, "G", HEALTH_BENEFIT_PLAN, "23", max, null);
            benefit(t, "G", HEALTH_BENEFIT_PLAN, "29", plan.outOfPocketRemaining(), null);
        });
    }

    /** EB01 info, EB03 service type, EB06 time period (23 calendar year, 27 visit, 29 remaining), EB07 amount, EB08 percent, EB12 in network. */
    private static void benefit(X12Writer.Transaction t, String info, String serviceType, String period, BigDecimal amount,
            BigDecimal percent) {
        t.add("EB", info, INDIVIDUAL, serviceType, null, null, period, amount == null ? null : X12Values.amount(amount),
                percent == null ? null : X12Values.percent(percent), null, null, null, IN_NETWORK);
    }
}
