package org.claimflow.eligibility.service;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Where one real-time check's time went, step by step, so that the overhead (the check less its payer call) can be
 * taken apart from outside: the resource sends it as {@code Server-Timing} and {@code bench/overhead.sh} reports each
 * step's distribution. One instance per check, used by one thread at a time; the steps not taken stay 0.
 */
public final class CheckTiming {

    /** The measured steps, in the order a check takes them, with their Server-Timing names. */
    public enum Step {
        /** Claiming the Idempotency-Key (a transaction; only with a key). */
        DB_KEY("db-key"),
        /** The 270's control number from the PostgreSQL sequence (a transaction). */
        DB_CONTROL_NUMBER("db-ctl"),
        /** Validating and writing the 270 with StAEDI. */
        WRITE_270("write270"),
        /** The payer gateway call: fault tolerance, HTTP, retries. Not overhead. */
        PAYER("payer"),
        /** Reading the 271 with StAEDI and mapping it to an answer. */
        PARSE_271("parse271"),
        /** The check row and the JSON of the answer, built outside any transaction. */
        BUILD("build"),
        /** Storing the check (and the Idempotency-Key's response): one transaction, commit included. */
        DB_STORE("db-store");

        private final String metric;

        Step(String metric) {
            this.metric = metric;
        }

        public String metric() {
            return metric;
        }
    }

    private static final Step[] STEPS = Step.values();
    private static final List<GarbageCollectorMXBean> COLLECTORS = ManagementFactory.getGarbageCollectorMXBeans();

    private final long start;
    private final long gcStartMillis;
    private final long[] nanos = new long[STEPS.length];
    private long totalNanos = -1;
    private long gcMillis = -1;

    public CheckTiming() {
        this.start = System.nanoTime();
        this.gcStartMillis = gcMillisSoFar();
    }

    /** Runs one step and adds its time (also when it throws). */
    <T> T time(Step step, Callable<T> work) {
        long begin = System.nanoTime();
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            add(step, System.nanoTime() - begin);
        }
    }

    void add(Step step, long stepNanos) {
        nanos[step.ordinal()] += stepNanos;
    }

    /** Ends the check: the total is fixed from here on. */
    CheckTiming stop() {
        if (totalNanos < 0) {
            totalNanos = System.nanoTime() - start;
            gcMillis = gcMillisSoFar() - gcStartMillis;
        }
        return this;
    }

    /**
     * Garbage collection of the whole JVM while the check ran, in ms (the collectors' own count, to the ms): the
     * service's collectors stop every thread, so this time is inside the steps above, not beside them.
     */
    public long gcMillis() {
        return gcMillis < 0 ? gcMillisSoFar() - gcStartMillis : gcMillis;
    }

    private static long gcMillisSoFar() {
        long millis = 0;
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            millis += Math.max(0, collector.getCollectionTime());
        }
        return millis;
    }

    public long nanos(Step step) {
        return nanos[step.ordinal()];
    }

    public long totalNanos() {
        return totalNanos < 0 ? System.nanoTime() - start : totalNanos;
    }

    /** The check's own time: the whole less the payer call. */
    public long overheadNanos() {
        return Math.max(0, totalNanos() - nanos(Step.PAYER));
    }

    /** Every database step together. */
    public long databaseNanos() {
        return nanos(Step.DB_KEY) + nanos(Step.DB_CONTROL_NUMBER) + nanos(Step.DB_STORE);
    }

    /** What no step accounts for (request hash, building the question, metrics, time between steps). */
    public long otherNanos() {
        long steps = 0;
        for (long n : nanos) {
            steps += n;
        }
        return Math.max(0, totalNanos() - steps);
    }

    /**
     * The W3C Server-Timing value, in ms: {@code payer}, {@code total} and {@code overhead} first (as before), then
     * each step, {@code db} (all database steps), {@code other} and {@code gc} (within the others, not added to them).
     */
    public String serverTiming() {
        StringBuilder header = new StringBuilder(256);
        metric(header, "payer", nanos(Step.PAYER));
        metric(header, "total", totalNanos());
        metric(header, "overhead", overheadNanos());
        for (Step step : STEPS) {
            if (step != Step.PAYER) {
                metric(header, step.metric(), nanos(step));
            }
        }
        metric(header, "db", databaseNanos());
        metric(header, "other", otherNanos());
        metric(header, "gc", gcMillis() * 1_000_000);
        return header.toString();
    }

    private static void metric(StringBuilder header, String name, long stepNanos) {
        if (!header.isEmpty()) {
            header.append(", ");
        }
        header.append(name).append(";dur=").append(String.format(Locale.ROOT, "%.3f", stepNanos / 1_000_000.0));
    }
}
