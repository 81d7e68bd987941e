package org.claimflow.denial.rest;

import java.time.Instant;
import java.util.UUID;

public record NoteResponse(UUID id, UUID denialId, String author, String text, Instant createdAt) {
}
