package org.claimflow.billing.service;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * Failures that go away by themselves: the database restarting or unreachable (SQLSTATE class 08, 57P),
 * a serialization failure or deadlock between concurrent transactions (class 40), the server out of
 * resources for a moment (class 53), a lost optimistic-lock race. A consumer waits them out, retrying the
 * same record (its partition pauses; nothing goes to the dead-letter topic for them, which is only for
 * records that can never be processed), and the REST API answers 503 with Retry-After instead of 500.
 */
public final class TransientFailures {

    private static final Logger LOG = Logger.getLogger(TransientFailures.class);
    private static final long FIRST_DELAY_MS = 200;
    private static final long MAX_DELAY_MS = 5_000;

    private static volatile boolean shuttingDown;

    private TransientFailures() {
    }

    /**
     * From now on a failing record is never handed to the failure strategy: a service stopping (SIGTERM, a
     * rolling update) closes its persistence unit while a consumer may still be mid-record, and the resulting
     * "EntityManagerFactory is closed" would otherwise send a good event to the dead-letter topic. The consumer
     * thread waits instead; its offset is not committed, so the record is redelivered after the restart.
     */
    public static void shuttingDown() {
        shuttingDown = true;
    }

    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57P")
                        || state.equals("55P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Runs {@code work} (its own transaction), retrying transient failures with a doubling delay capped at
     * {@value #MAX_DELAY_MS} ms for as long as they last; any other failure is rethrown at once.
     */
    public static <T> T retrying(String what, Supplier<T> work) {
        long delay = FIRST_DELAY_MS;
        int attempt = 1;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (shuttingDown) {
                    LOG.warnf("%s failed while the service stops (%s); left for redelivery after the restart", what,
                            e.getClass().getSimpleName());
                    waitForTheEnd();
                }
                if (!isTransient(e) || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                // The type only: a message may quote data.
                LOG.warnf("%s failed transiently (%s), attempt %d; retrying in %d ms", what, e.getClass().getSimpleName(), attempt, delay);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                delay = Math.min(delay * 2, MAX_DELAY_MS);
                attempt++;
            }
        }
    }

    /** Blocks the consumer thread until the process exits; never returns. */
    private static void waitForTheEnd() {
        while (true) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException ignored) {
                // stopping anyway: keep the record unacknowledged until the JVM is gone
            }
        }
    }

    public static void retrying(String what, Runnable work) {
        retrying(what, () -> {
            work.run();
            return null;
        });
    }
}
