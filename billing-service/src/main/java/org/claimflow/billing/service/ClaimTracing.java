package org.claimflow.billing.service;

import java.util.function.Supplier;

import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.outbox.TraceContext;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps a claim's events in its encounter's trace. A claim is assembled while a consumed EncounterCoded is traced;
 * later the submission job and the inbound poller move it on from a file of many claims and no consumed record, so
 * the trace the claim was assembled in is stored with it and becomes the explicit parent of the span in which those
 * jobs write the claim's events. The job's own span (a file's) is linked, not the parent.
 */
@ApplicationScoped
public class ClaimTracing {

    private final Tracer tracer;

    public ClaimTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Stores the trace current now (the encounter's, while a consumed event is processed) with a new claim. */
    public static void remember(Claim claim) {
        TraceContext trace = TraceContext.current();
        claim.traceparent = trace.traceparent();
        claim.tracestate = trace.tracestate();
    }

    /**
     * Runs a job's work on one file (an interchange sent, an inbound 999, 277CA or 835 handled) in a span of its own:
     * a new trace, which the claims' spans written meanwhile link to.
     */
    public <T> T inFileSpan(String spanName, Supplier<T> work) {
        return inSpan(tracer.spanBuilder(spanName).setNoParent(), work);
    }

    /** Runs {@code work} in a span of the claim's trace; the outbox rows it writes carry that trace on. */
    public <T> T inTraceOf(Claim claim, String spanName, Supplier<T> work) {
        Context current = Context.current();
        SpanContext job = Span.fromContext(current).getSpanContext();
        Context stored = new TraceContext(claim.traceparent, claim.tracestate).toContext();
        // A claim assembled before tracing existed has no stored trace: its events stay in the job's.
        Context parent = Span.fromContext(stored).getSpanContext().isValid() ? stored : current;
        SpanBuilder builder = tracer.spanBuilder(spanName).setParent(parent)
                .setAttribute("claimflow.claim.id", claim.id.toString());
        if (job.isValid() && parent == stored) {
            builder.addLink(job);
        }
        return inSpan(builder, work);
    }

    private static <T> T inSpan(SpanBuilder builder, Supplier<T> work) {
        Span span = builder.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            // The type only: exception messages here may quote claim data, and spans leave the service (issue #8).
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
