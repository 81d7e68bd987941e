package org.claimflow.sandbox.x12;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.claimflow.sandbox.x12.SegmentError.ElementError;
import org.claimflow.sandbox.x12.SyntaxVerdict.GroupVerdict;
import org.claimflow.sandbox.x12.SyntaxVerdict.TransactionVerdict;

/** Writes a 999 implementation acknowledgment (005010X231A1), preceded by a TA1 when the interchange was rejected. */
public final class Acknowledgment999Writer {

    public static final String VERSION = "005010X231A1";

    public String write(SyntaxVerdict verdict, long controlNumber, LocalDateTime now) {
        Interchange in = verdict.interchange();
        X12Writer out = new X12Writer(in.receiverQualifier(), in.receiverId(), in.senderQualifier(), in.senderId(),
                controlNumber, in.isTest(), now);
        verdict.interchangeNoteCode().ifPresent(note -> out.ta1(in.controlNumber(), in.date(), in.time(), "R", note));
        if (verdict.groups().isEmpty()) {
            return out.build();
        }
        FunctionalGroup first = verdict.groups().get(0).group();
        X12Writer.Group group = out.group("FA", first.applicationReceiver(), first.applicationSender(), VERSION);
        for (GroupVerdict groupVerdict : verdict.groups()) {
            X12Writer.Transaction ack = group.transaction("999", VERSION);
            FunctionalGroup acknowledged = groupVerdict.group();
            ack.add("AK1", acknowledged.functionalId(), acknowledged.controlNumber(), acknowledged.version());
            for (TransactionVerdict transaction : groupVerdict.transactions()) {
                writeTransaction(ack, transaction);
            }
            List<String> ak9 = new ArrayList<>(List.of(groupVerdict.rejected() ? "R" : groupVerdict.status(),
                    declaredCount(acknowledged), Integer.toString(groupVerdict.transactions().size()),
                    Long.toString(groupVerdict.rejected() ? 0 : groupVerdict.acceptedCount())));
            groupVerdict.errorCodes().stream().limit(5).forEach(ak9::add);
            ack.add("AK9", ak9.toArray());
        }
        return out.build();
    }

    private static void writeTransaction(X12Writer.Transaction ack, TransactionVerdict verdict) {
        TransactionSet set = verdict.transaction();
        ack.add("AK2", set.type(), set.controlNumber(), set.implementationReference().isEmpty() ? null : set.implementationReference());
        for (SegmentError error : verdict.segmentErrors()) {
            ack.add("IK3", error.tag(), Integer.toString(error.position()), error.loopId(), error.errorCode());
            for (ElementError element : error.elements()) {
                Object position = element.component() > 0
                        ? new String[] {Integer.toString(element.position()), Integer.toString(element.component())}
                        : Integer.toString(element.position());
                ack.add("IK4", position, element.reference(), element.errorCode(), element.badValue());
            }
        }
        List<String> ik5 = new ArrayList<>();
        ik5.add(verdict.accepted() ? "A" : "R");
        verdict.errorCodes().stream().limit(5).forEach(ik5::add);
        ack.add("IK5", ik5.toArray());
    }

    private static String declaredCount(FunctionalGroup group) {
        return group.declaredTransactionCount().matches("\\d+")
                ? group.declaredTransactionCount() : Integer.toString(group.transactions().size());
    }
}
