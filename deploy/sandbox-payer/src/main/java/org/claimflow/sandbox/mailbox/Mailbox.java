package org.claimflow.sandbox.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The in-memory outbox of the payer side: files are listed oldest first until they are acknowledged. */
@ApplicationScoped
public class Mailbox {

    private final Map<UUID, MailboxFile> files = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;

    Mailbox(Clock clock) {
        this.clock = clock;
    }

    public MailboxFile deliver(FileType type, String interchangeControlNumber, String content, Duration delay) {
        Instant now = clock.instant();
        MailboxFile file = new MailboxFile(UUID.randomUUID(), type, now, now.plus(delay), interchangeControlNumber,
                content, sequence.incrementAndGet());
        files.put(file.id(), file);
        return file;
    }

    public List<MailboxFile> visible() {
        Instant now = clock.instant();
        return files.values().stream().filter(f -> !f.visibleAt().isAfter(now))
                .sorted(Comparator.comparingLong(MailboxFile::sequence)).toList();
    }

    public Optional<MailboxFile> find(UUID id) {
        Instant now = clock.instant();
        return Optional.ofNullable(files.get(id)).filter(f -> !f.visibleAt().isAfter(now));
    }

    /** Acknowledging twice, or a file that never existed, is not an error. */
    public void acknowledge(UUID id) {
        files.remove(id);
    }
}
