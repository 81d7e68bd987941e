package org.claimflow.coding.rest;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Load shedding at the door (issue #7). Intake and the dry-run edit check are the expensive calls; at most
 * {@code claimflow.intake.max-in-flight} of them run at once, counted on the event loop before a request ever waits for
 * a worker thread or a database connection. One more is answered at once with 503, {@code Retry-After} and a problem
 * body, so that under overload the queues stay bounded, the calls that are admitted keep their latency, and a client
 * retrying with its Idempotency-Key gets in once the burst is over. Nothing is stored for a shed request.
 */
@ApplicationScoped
public class IntakeAdmission {

    static final String RETRY_AFTER_SECONDS = "1";

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int limit;
    private final Counter shed;

    public IntakeAdmission(@ConfigProperty(name = "claimflow.intake.max-in-flight") int limit, MeterRegistry registry) {
        this.limit = limit;
        this.shed = Counter.builder("claimflow.intake.shed").description("Intake calls answered 503 because too many were in flight")
                .register(registry);
        registry.gauge("claimflow.intake.in_flight", inFlight);
    }

    void install(@Observes Router router) {
        router.post("/api/v1/encounters").order(-10).handler(this::admit);
        router.post("/api/v1/coding/edits").order(-10).handler(this::admit);
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

    private void admit(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.POST) {
            rc.next();
            return;
        }
        if (!tryEnter()) {
            shed.increment();
            rejectOverloaded(rc);
            return;
        }
        // Called when the response has been written or the connection dropped, whichever comes first.
        rc.addEndHandler(done -> leave());
        rc.next();
    }

    private void rejectOverloaded(RoutingContext rc) {
        String requestId = rc.request().getHeader(RequestIdFilter.HEADER);
        if (requestId == null || !requestId.matches("[A-Za-z0-9._-]{1,100}")) {
            requestId = UUID.randomUUID().toString();
        }
        String body = "{\"type\":\"/problems/overloaded\",\"title\":\"Overloaded\",\"status\":503,"
                + "\"detail\":\"Too many requests are being processed; nothing was stored. Retry after the Retry-After delay with the same Idempotency-Key.\","
                + "\"instance\":\"" + rc.request().path().replaceAll("[^A-Za-z0-9/_-]", "") + "\",\"requestId\":\"" + requestId + "\"}";
        rc.response().setStatusCode(503)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", RETRY_AFTER_SECONDS)
                .putHeader(RequestIdFilter.HEADER, requestId)
                .end(body);
    }
}
