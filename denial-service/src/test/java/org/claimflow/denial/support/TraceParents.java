package org.claimflow.denial.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * W3C {@code traceparent}s (https://www.w3.org/TR/trace-context/#traceparent-header) for the tracing tests: a random
 * remote parent sent with a record or request, and the one a published record carries.
 */
public record TraceParents(String traceId, String spanId) {

    public static final String HEADER = "traceparent";

    /** A sampled parent in a trace of its own, as another service's span would be. */
    public static TraceParents random() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(span);
        return new TraceParents(HexFormat.of().formatHex(trace), HexFormat.of().formatHex(span));
    }

    /** The record's traceparent; fails unless it carries exactly one (a second would mean one overwrote another). */
    public static TraceParents of(ConsumerRecord<?, ?> record) {
        List<String> values = new ArrayList<>();
        for (Header h : record.headers().headers(HEADER)) {
            values.add(new String(h.value(), StandardCharsets.UTF_8));
        }
        if (values.size() != 1) {
            throw new AssertionError("expected one traceparent header on " + record.topic() + " but found " + values);
        }
        String[] parts = values.get(0).split("-");
        if (parts.length != 4 || parts[1].length() != 32 || parts[2].length() != 16) {
            throw new AssertionError("not a W3C traceparent: " + values.get(0));
        }
        return new TraceParents(parts[1], parts[2]);
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    /** Sends a record carrying this traceparent, as another service's outbox relay would, to the service's broker. */
    public void send(String topic, String key, String value) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "acks", "all"), new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add(HEADER, header().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
