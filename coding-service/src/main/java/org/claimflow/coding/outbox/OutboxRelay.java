package org.claimflow.coding.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.claimflow.coding.persistence.PracticeScope;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

/**
 * Publishes committed outbox rows to Kafka in id order and marks them published only after the broker
 * acknowledged them (acks=all, idempotent producer). A crash between the two re-publishes the batch: the
 * consumers' processed-event tables make that harmless. Rows are locked with SKIP LOCKED so that several
 * replicas can relay side by side without publishing a row twice at the same time.
 *
 * <p>A commit that wrote outbox rows wakes the relay at once (off the committing thread); the scheduled
 * tick catches whatever a wake-up missed, e.g. rows left by a crash. Wake-ups coalesce: one drain runs at
 * a time and runs again if more rows were announced while it worked.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final EntityManager em;
    private final Clock clock;
    private final int batchSize;
    private final TransactionManager transactions;
    /** One thread: drains never overlap, and a wake-up never blocks the committing request. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean announced = new AtomicBoolean();

    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> emitter, EntityManager em, Clock clock,
                       @ConfigProperty(name = "claimflow.outbox.batch-size", defaultValue = "200") int batchSize,
                       MeterRegistry registry, TransactionManager transactions) {
        this.emitter = emitter;
        this.transactions = transactions;
        this.em = em;
        this.clock = clock;
        this.batchSize = batchSize;
        registry.gauge("claimflow.outbox.backlog", this, OutboxRelay::backlogForGauge);
    }

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        announced.set(true);
        if (!draining.get()) {
            executor.execute(this::drain);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    @Scheduled(every = "${claimflow.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        announced.set(true);
        drain();
    }

    void drain() {
        while (announced.get() && draining.compareAndSet(false, true)) {
            try {
                while (announced.getAndSet(false)) {
                    relay();
                }
            } finally {
                draining.set(false);
            }
        }
    }

    private void relay() {
        try {
            if (!emitter.hasRequests()) {
                // The Kafka sink is not connected yet (start-up) or is pushing back: the next tick retries.
                return;
            }
            int published;
            do {
                // Every practice's events leave through this one relay, in id order.
                published = PracticeScope.acrossPractices(() -> QuarkusTransaction.requiringNew().call(this::publishBatch));
            } while (published == batchSize);
        } catch (RuntimeException e) {
            // The batch stays unpublished and is retried on the next tick.
            LOG.warnf("outbox relay will retry: %s", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    int publishBatch() {
        List<OutboxEvent> batch = em.createNativeQuery(
                        "select * from outbox_event where published_at is null order by id limit :n for update skip locked",
                        OutboxEvent.class)
                .setParameter("n", batchSize)
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        List<Message<String>> messages = new ArrayList<>(batch.size());
        for (OutboxEvent row : batch) {
            messages.add(toMessage(row));
        }
        awaitBrokerAcks(messages);
        var now = clock.instant();
        for (OutboxEvent row : batch) {
            row.publishedAt = now;
        }
        return batch.size();
    }

    /**
     * Sends and waits for the broker's acknowledgements with this thread's transaction suspended (its row locks
     * stay held). Context propagation would otherwise resume the transaction on the Kafka thread that completes
     * each send, and the commit that follows would race that thread: Narayana then refuses the commit ("multiple
     * threads active", "enlisted connection used without active transaction"), the batch is sent again and
     * again, and under load the relay stops making progress.
     */
    private void awaitBrokerAcks(List<Message<String>> messages) {
        Transaction suspended;
        try {
            suspended = transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("could not suspend the relay transaction", e);
        }
        try {
            List<Uni<Void>> sends = new ArrayList<>(messages.size());
            for (Message<String> message : messages) {
                sends.add(emitter.sendMessage(message));
            }
            Uni.join().all(sends).andFailFast().await().atMost(Duration.ofSeconds(30));
        } finally {
            try {
                transactions.resume(suspended);
            } catch (InvalidTransactionException | SystemException e) {
                throw new IllegalStateException("could not resume the relay transaction", e);
            }
        }
    }

    private static Message<String> toMessage(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "eventId", row.eventId.toString());
        header(headers, "eventType", row.eventType);
        header(headers, "practiceId", row.practiceId);
        header(headers, "correlationId", row.correlationId);
        header(headers, "causationId", row.causationId);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.aggregateId)
                .withHeaders(headers)
                .build();
        // The connector starts its publish span as a child of this context and writes that span's traceparent into
        // the record's headers; without it the span would hang off whatever the relay thread has current (nothing).
        Context trace = new TraceContext(row.traceparent, row.tracestate).toContext();
        return Message.of(row.envelope).addMetadata(metadata).addMetadata(TracingMetadata.withCurrent(trace));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private double backlogForGauge() {
        try {
            // The backlog of the whole service, all practices.
            return PracticeScope.acrossPractices(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                    .createNativeQuery("select count(*) from outbox_event where published_at is null")
                    .getSingleResult()).doubleValue()));
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
