package org.claimflow.coding.rest;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Load shedding at the door (issue #7). Intake and the dry-run edit check are the expensive calls; at most
 * {@code claimflow.intake.max-in-flight} of them run at once, counted before the body is read, validated or stored and
 * before a database connection is asked for. One more is answered at once with 503, {@code Retry-After} and a problem
 * body, so that under overload the queues stay bounded, the calls that are admitted keep their latency, and a client
 * retrying with its Idempotency-Key gets in once the burst is over. Nothing is stored for a shed request. (A
 * non-blocking filter on the event loop would shed even earlier, but Quarkus REST requires such filters to precede
 * the pre-matching request-id filter.)
 *
 * <p>The place is given back by the response filter, which runs for every response the REST layer produces (mapped
 * errors included). A Vert.x end handler was tried first and leaked: the REST layer replaces the response's end and
 * close handlers on some paths, and the count crept up until everything was shed.
 */
@ApplicationScoped
public class IntakeAdmission {

    static final String RETRY_AFTER_SECONDS = "1";
    private static final String ADMITTED = IntakeAdmission.class.getName() + ".admitted";
    /** Set on a request answered 503 here: it read, stored and returned nothing, so AuditFilter writes no row for it. */
    static final String SHED = IntakeAdmission.class.getName() + ".shed";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int limit;
    private final Counter shed;

    public IntakeAdmission(@ConfigProperty(name = "claimflow.intake.max-in-flight") int limit, MeterRegistry registry) {
        this.limit = limit;
        this.shed = Counter.builder("claimflow.intake.shed").description("Intake calls answered 503 because too many were in flight")
                .register(registry);
        registry.gauge("claimflow.intake.in_flight", inFlight);
    }

    /** Takes a place for one call; false when all {@code limit} places are taken. */
    public boolean tryEnter() {
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    public void leave() {
        inFlight.decrementAndGet();
    }

    public int limit() {
        return limit;
    }

    /** Calls admitted and not yet answered. */
    public int inFlight() {
        return inFlight.get();
    }

    @ServerRequestFilter
    public Response admit(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || !isExpensive(request.getUriInfo().getPath())) {
            return null;
        }
        if (!tryEnter()) {
            shed.increment();
            request.setProperty(SHED, Boolean.TRUE);
            return Response.status(503)
                    .type(Problem.MEDIA_TYPE)
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(new Problem("/problems/overloaded", "Overloaded", 503,
                            "Too many requests are being processed; nothing was stored. Retry after the Retry-After delay with the "
                                    + "same Idempotency-Key.", request.getUriInfo().getPath(), RequestIdFilter.current(), null))
                    .build();
        }
        request.setProperty(ADMITTED, Boolean.TRUE);
        return null;
    }

    @ServerResponseFilter
    public void release(ContainerRequestContext request) {
        if (request.getProperty(ADMITTED) != null) {
            request.removeProperty(ADMITTED);
            leave();
        }
    }

    private static boolean isExpensive(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.equals("/api/v1/encounters") || p.equals("/api/v1/coding/edits");
    }
}
