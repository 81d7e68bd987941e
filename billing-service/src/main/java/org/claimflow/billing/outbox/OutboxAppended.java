package org.claimflow.billing.outbox;

/** Fired when a transaction wrote an outbox row; observed after commit to publish without waiting for the next tick. */
public record OutboxAppended(String topic) {
}
