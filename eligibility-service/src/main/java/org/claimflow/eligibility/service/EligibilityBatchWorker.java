package org.claimflow.eligibility.service;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.claimflow.eligibility.config.EligibilityConfig;
import org.claimflow.eligibility.persistence.PracticeScope;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Works off batch items: each tick claims up to {@code claimflow.eligibility.batch.concurrency} due items, asks for
 * them in parallel on a pool of that size, and claims again until nothing is due (or the tick has run for a while,
 * so that the scheduler stays responsive). The pool is smaller than the gateway's bulkhead, so real-time checks keep
 * room; an item that still meets a full bulkhead, an open breaker or a payer that is down is retried later.
 */
@ApplicationScoped
public class EligibilityBatchWorker {

    private static final Logger LOG = Logger.getLogger(EligibilityBatchWorker.class);
    private static final long MAX_TICK_MILLIS = 30_000;

    private final EligibilityBatchService batches;
    private final int concurrency;
    private final ExecutorService pool;

    public EligibilityBatchWorker(EligibilityBatchService batches, EligibilityConfig config) {
        this.batches = batches;
        this.concurrency = Math.max(1, config.batch().concurrency());
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "eligibility-batch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(concurrency, threads);
    }

    @Scheduled(every = "${claimflow.eligibility.batch.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        long until = System.currentTimeMillis() + MAX_TICK_MILLIS;
        while (System.currentTimeMillis() < until) {
            // The queue holds every practice's items: claiming them is cross-practice by nature. Each item is then
            // asked and recorded in its own batch's practice.
            List<EligibilityBatchService.ClaimedItem> due = PracticeScope.acrossPractices(() -> batches.claim(concurrency));
            if (due.isEmpty()) {
                return;
            }
            List<Future<?>> running = due.stream().<Future<?>>map(item -> pool.submit(
                    () -> PracticeScope.run(item.question().practiceId(), () -> batches.process(item)))).toList();
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    LOG.errorf("batch item worker failed with %s", e.getClass().getName());
                }
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }
}
