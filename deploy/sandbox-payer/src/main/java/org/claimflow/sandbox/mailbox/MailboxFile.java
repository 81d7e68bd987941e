package org.claimflow.sandbox.mailbox;

import java.time.Instant;
import java.util.UUID;

/** A file waiting for the provider side to fetch and acknowledge it; invisible before {@code visibleAt}. */
public record MailboxFile(UUID id, FileType type, Instant createdAt, Instant visibleAt, String interchangeControlNumber,
        String content, long sequence) {
}
