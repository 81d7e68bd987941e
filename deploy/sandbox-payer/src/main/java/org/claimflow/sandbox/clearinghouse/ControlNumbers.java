package org.claimflow.sandbox.clearinghouse;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique numbers for the files and claims the sandbox produces. They start from the clock so that a
 * restarted sandbox does not reuse the numbers of its previous run.
 */
@ApplicationScoped
public class ControlNumbers {

    private static final long INTERCHANGE_LIMIT = 1_000_000_000L;
    private static final long CLAIM_LIMIT = 1_000_000_000_000L;

    private final AtomicLong interchange;
    private final AtomicLong claim;
    private final AtomicLong trace;

    ControlNumbers(Clock clock) {
        long seconds = clock.instant().getEpochSecond();
        this.interchange = new AtomicLong(seconds % (INTERCHANGE_LIMIT / 10));
        this.claim = new AtomicLong(clock.millis() % (CLAIM_LIMIT / 10));
        this.trace = new AtomicLong(seconds % (INTERCHANGE_LIMIT / 10));
    }

    /** ISA13; GS06 reuses it. Never zero, at most nine digits. */
    public long nextInterchange() {
        return interchange.updateAndGet(n -> n + 1 >= INTERCHANGE_LIMIT ? 1 : n + 1);
    }

    /** CLP07 / REF*1K: "SBX" and twelve digits. */
    public String nextPayerClaimControlNumber() {
        return String.format("SBX%012d", claim.updateAndGet(n -> n + 1 >= CLAIM_LIMIT ? 1 : n + 1));
    }

    /** TRN02 of an 835: the EFT trace number. */
    public String nextEftTrace() {
        return String.format("EFT%010d", trace.incrementAndGet());
    }
}
