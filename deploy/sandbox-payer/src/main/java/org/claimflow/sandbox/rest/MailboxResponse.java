package org.claimflow.sandbox.rest;

import java.util.List;

public record MailboxResponse(List<MailboxItemResponse> items) {
}
