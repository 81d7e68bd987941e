package org.claimflow.sandbox.mailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxTest {

    private final MovableClock clock = new MovableClock();
    private final Mailbox mailbox = new Mailbox(clock);

    @Test
    void remittanceStaysHiddenUntilItsDelayHasPassed() {
        MailboxFile ack = mailbox.deliver(FileType.CLAIM_ACKNOWLEDGMENT, "000000001", "277", Duration.ZERO);
        MailboxFile remittance = mailbox.deliver(FileType.REMITTANCE, "000000002", "835", Duration.ofSeconds(30));

        assertEquals(List.of(ack), mailbox.visible());
        assertTrue(mailbox.find(remittance.id()).isEmpty());

        clock.advance(Duration.ofSeconds(30));

        assertEquals(List.of(ack, remittance), mailbox.visible(), "oldest first");
    }

    @Test
    void acknowledgedFileIsGoneAndAcknowledgingAgainIsHarmless() {
        MailboxFile ack = mailbox.deliver(FileType.CLAIM_ACKNOWLEDGMENT, "000000001", "277", Duration.ZERO);

        mailbox.acknowledge(ack.id());
        mailbox.acknowledge(ack.id());

        assertEquals(List.of(), mailbox.visible());
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-10T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
