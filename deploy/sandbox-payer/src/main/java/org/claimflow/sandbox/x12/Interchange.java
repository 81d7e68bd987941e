package org.claimflow.sandbox.x12;

import java.util.List;

/** ISA … IEA as read. Ids are trimmed of their fixed-width padding. */
public record Interchange(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
        String date, String time, String controlNumber, String usageIndicator, List<FunctionalGroup> groups,
        List<SyntaxIssue> issues) {

    public Interchange {
        groups = List.copyOf(groups);
        issues = List.copyOf(issues);
    }

    /** Real clearinghouses treat sender + control number as the identity of an interchange. */
    public String identity() {
        return senderQualifier + ":" + senderId + ":" + controlNumber;
    }

    public boolean isTest() {
        return "T".equals(usageIndicator);
    }
}
