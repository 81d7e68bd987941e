package org.claimflow.coding.metrics;

import java.util.function.BiConsumer;

import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The connector's dead-letter-queue failure strategy, counting each record it wrote to the dead-letter topic
 * ({@code claimflow_dlq_records_total{topic}}) once the broker took it. Selected per channel with
 * {@code failure-strategy=dead-letter-queue-counted}; every {@code dead-letter-queue.*} setting applies as before.
 */
@ApplicationScoped
@Identifier(CountedDeadLetterQueue.STRATEGY)
public class CountedDeadLetterQueue implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "dead-letter-queue-counted";
    public static final String METER = "claimflow.dlq.records";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final MeterRegistry registry;

    public CountedDeadLetterQueue(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
                                  MeterRegistry registry) {
        this.deadLetterQueue = deadLetterQueue;
        this.registry = registry;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
                                      BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler handler = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        String topic = config.getDeadLetterQueueTopic().orElse("dead-letter-topic-" + config.getChannel());
        // Registered now, so the series exists (at 0) before the first dead letter.
        Counter written = Counter.builder(METER).description("Records a consumer could not process, written to a dead-letter topic")
                .tag("topic", topic).register(registry);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return handler.handle(record, reason, metadata).invoke(() -> written.increment());
            }

            @Override
            public void terminate() {
                handler.terminate();
            }
        };
    }
}
