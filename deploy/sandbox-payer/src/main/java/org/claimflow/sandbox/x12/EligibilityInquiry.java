package org.claimflow.sandbox.x12;

import java.time.LocalDate;
import java.util.List;

/**
 * A 270 as a tree: information sources (payers), under each the information receivers (providers),
 * under each the subscribers asked about. Dependents (HL 23) are not supported by the sandbox.
 */
public record EligibilityInquiry(String batchReference, List<Source> sources) {

    public record Source(Party payer, List<Receiver> receivers) {
    }

    /** @param name the receiver's NM1, echoed as sent */
    public record Receiver(Segment name, List<Subscriber> subscribers) {
    }

    /**
     * @param birthDate     DMG02, null when not sent
     * @param dateOfService DTP*291, null when not sent (then today)
     */
    public record Subscriber(String traceNumber, String traceOriginator, Party subscriber, LocalDate birthDate,
            LocalDate dateOfService) {
    }
}
