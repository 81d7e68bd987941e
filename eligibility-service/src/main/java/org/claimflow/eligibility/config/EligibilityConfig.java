package org.claimflow.eligibility.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code claimflow.eligibility.*}: how checks are asked and how long an answer stays good for a claim. */
@ConfigMapping(prefix = "claimflow.eligibility")
public interface EligibilityConfig {

    /** How long a payer's answer is reused for another claim of the same member and date of service. */
    @WithDefault("PT24H")
    Duration freshness();

    /** Our id in the 270 envelope (ISA06, GS02). */
    @WithDefault("CLAIMFLOW")
    String submitterId();

    /**
     * The interchange receiver (ISA08, GS03): the clearinghouse, not the payer. ISA08 holds 15 characters
     * while payer ids run to 80; the payer is named in loop 2100A (NM1*PR).
     */
    @WithDefault("SANDBOXCH")
    String receiverId();

    /** The information receiver's name (2100B) when the caller does not give one: claims carry only the NPI. */
    @WithDefault("CLAIMFLOW PROVIDER")
    String providerName();

    /** ISA15: P in production, T (test) otherwise. */
    @WithDefault("false")
    boolean production();

    /**
     * An Idempotency-Key claimed this long ago and still without a response belongs to a process that died
     * mid-check (a check ends within the CORE budget of 20 s, answered or timed out): the next request with
     * that key takes it over instead of getting 409 forever.
     */
    @WithDefault("PT2M")
    Duration idempotencyKeyStaleAfter();

    /** {@code claimflow.eligibility.batch.*}: how batch items are worked off. */
    Batch batch();

    interface Batch {
        /** How often the worker looks for due items (read by EligibilityBatchWorker's @Scheduled; e.g. 1s, 500ms). */
        @WithDefault("1s")
        String pollInterval();

        /**
         * Items asked at once. Kept below the gateway's bulkhead (10) so that real-time checks at the front desk
         * always find room; a batch item that still meets a full bulkhead is retried later.
         */
        @WithDefault("4")
        int concurrency();

        /** Attempts per item when the payer is unavailable; the last one stores the ERROR answer. */
        @WithDefault("3")
        int maxAttempts();

        /** Wait before the next attempt, times the attempts so far. */
        @WithDefault("PT10S")
        Duration retryDelay();

        /** A RUNNING item whose worker died is taken back after this long. */
        @WithDefault("PT5M")
        Duration staleAfter();
    }
}
