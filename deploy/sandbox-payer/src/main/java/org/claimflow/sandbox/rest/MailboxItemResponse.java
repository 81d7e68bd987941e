package org.claimflow.sandbox.rest;

import java.time.Instant;
import java.util.UUID;
import org.claimflow.sandbox.mailbox.FileType;
import org.claimflow.sandbox.mailbox.MailboxFile;

public record MailboxItemResponse(UUID id, FileType type, Instant createdAt, String interchangeControlNumber) {

    static MailboxItemResponse of(MailboxFile file) {
        return new MailboxItemResponse(file.id(), file.type(), file.createdAt(), file.interchangeControlNumber());
    }
}
