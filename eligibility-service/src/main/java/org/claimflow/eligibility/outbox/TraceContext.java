package org.claimflow.eligibility.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A W3C trace context (https://www.w3.org/TR/trace-context/) as it is stored with an outbox row: the span that was
 * current when the row was written, so that the relay, which publishes later on its own thread, can hand the event
 * on in the trace it belongs to. {@code traceparent} is null when nothing was being traced.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final TraceContext NONE = new TraceContext(null, null);

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<TraceContext> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(TraceContext carrier, String key) {
            return carrier == null ? null : switch (key) {
                case "traceparent" -> carrier.traceparent;
                case "tracestate" -> carrier.tracestate;
                default -> null;
            };
        }
    };

    /** The trace context of the span current on this thread. */
    public static TraceContext current() {
        return of(Context.current());
    }

    public static TraceContext of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return NONE;
        }
        Map<String, String> carrier = new HashMap<>(4);
        W3C.inject(context, carrier, Map::put);
        String state = carrier.get("tracestate");
        return new TraceContext(carrier.get("traceparent"), state == null || state.isEmpty() ? null : state);
    }

    /** The stored span as a remote parent; {@link Context#root()} when none was stored or it cannot be read. */
    public Context toContext() {
        return traceparent == null ? Context.root() : W3C.extract(Context.root(), this, GETTER);
    }
}
