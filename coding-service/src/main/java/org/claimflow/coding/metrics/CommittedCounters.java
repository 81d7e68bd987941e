package org.claimflow.coding.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Counts a business event once its transaction commits: an intake that rolls back, or a consumer transaction that
 * is retried, must not count. Inside a transaction the increments wait in one list per transaction, applied by a
 * single synchronization after the commit and dropped on rollback; outside a transaction they apply at once.
 */
@ApplicationScoped
public class CommittedCounters {

    /** The key of a transaction's pending increments in the synchronization registry. */
    private static final Object PENDING = new Object();

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public CommittedCounters(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    public void increment(String name, String... tags) {
        add(name, 1, tags);
    }

    /** Adds {@code amount} to the counter {@code name} with these tag key/value pairs, once the transaction commits. */
    public void add(String name, double amount, String... tags) {
        Counter counter = registry.counter(name, tags);
        switch (transactions.getTransactionStatus()) {
            case Status.STATUS_NO_TRANSACTION, Status.STATUS_COMMITTED -> counter.increment(amount);
            // PREPARING: a flush at commit (Hibernate's beforeCompletion) still writes, and may still fail.
            case Status.STATUS_ACTIVE, Status.STATUS_PREPARING -> pending().add(counter, amount);
            default -> {
                // marked for rollback, rolling back, rolled back: it never happened
            }
        }
    }

    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(PENDING, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        return pending;
    }

    private static final class Pending implements Synchronization {

        private final List<Counter> counters = new ArrayList<>();
        private final List<Double> amounts = new ArrayList<>();

        void add(Counter counter, double amount) {
            counters.add(counter);
            amounts.add(amount);
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                for (int i = 0; i < counters.size(); i++) {
                    counters.get(i).increment(amounts.get(i));
                }
            }
        }
    }
}
