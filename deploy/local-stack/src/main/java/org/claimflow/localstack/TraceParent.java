package org.claimflow.localstack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A W3C {@code traceparent} (https://www.w3.org/TR/trace-context/#traceparent-header) for tracing tests: a random
 * remote parent to send with a record or request, or the one a published record carries.
 */
public record TraceParent(String traceId, String spanId, String flags) {

    public static final String HEADER = "traceparent";

    /** A sampled parent in a trace of its own, as another service's span would be. */
    public static TraceParent random() {
        HexFormat hex = HexFormat.of();
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(span);
        return new TraceParent(hex.formatHex(trace), hex.formatHex(span), "01");
    }

    public static TraceParent parse(String header) {
        String[] parts = header.split("-");
        if (parts.length != 4 || parts[1].length() != 32 || parts[2].length() != 16) {
            throw new AssertionError("not a W3C traceparent: " + header);
        }
        return new TraceParent(parts[1], parts[2], parts[3]);
    }

    /** The record's traceparent; fails unless it carries exactly one (a second would mean one overwrote another). */
    public static TraceParent of(ConsumerRecord<?, ?> record) {
        List<String> values = new ArrayList<>();
        for (Header h : record.headers().headers(HEADER)) {
            values.add(new String(h.value(), StandardCharsets.UTF_8));
        }
        if (values.size() != 1) {
            throw new AssertionError("expected one traceparent header on " + record.topic() + " but found " + values);
        }
        return parse(values.get(0));
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }
}
