package org.claimflow.eligibility.gateway;

import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

/**
 * The one payer connection of the walking skeleton: the sandbox payer (or a clearinghouse speaking the
 * same API). Guarded, from the outside in:
 * <ul>
 * <li>a fallback that turns every failure into an unavailable reply with a reason (never an exception);</li>
 * <li>retries with exponential backoff for transient failures only (connection errors and 5xx/429/408),
 * not for a refused request (4xx), a timeout (the real-time budget is spent), an open breaker or a full
 * bulkhead;</li>
 * <li>a circuit breaker, so that a payer that is down is answered for at once instead of waited on;</li>
 * <li>a timeout per attempt, 10 s by default, well under the 20 s CAQH CORE allows a real-time answer;</li>
 * <li>a bulkhead: the payer's concurrency limit; calls beyond it get an unavailable reply at once.</li>
 * </ul>
 * Every value can be changed in configuration ({@code quarkus.fault-tolerance."<this class>/inquire".…}).
 * A second payer connection gets its own adapter, and with it its own breaker and bulkhead.
 */
@ApplicationScoped
public class SandboxPayerGateway implements PayerGateway {

    /** Name of the breaker, for operations and tests ({@code CircuitBreakerMaintenance}). */
    public static final String BREAKER = "payer-gateway";

    private static final Logger LOG = Logger.getLogger(SandboxPayerGateway.class);

    private final PayerClient client;
    private final MeterRegistry metrics;

    public SandboxPayerGateway(@RestClient PayerClient client, MeterRegistry metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    @Override
    @Fallback(fallbackMethod = "unavailable")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, maxDuration = 30, durationUnit = ChronoUnit.SECONDS,
            retryOn = {PayerUnavailableException.class, ProcessingException.class},
            abortOn = {PayerRejectedException.class, TimeoutException.class, CircuitBreakerOpenException.class,
                    BulkheadException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30_000, successThreshold = 1,
            skipOn = PayerRejectedException.class)
    @CircuitBreakerName(BREAKER)
    @Timeout(10_000)
    @Bulkhead(10)
    public PayerReply inquire(String payerId, String inquiry270) {
        String response = client.inquire(inquiry270);
        if (response == null || response.isBlank()) {
            // Counts as a failure for the breaker and is retried like a server error.
            throw new PayerUnavailableException(204);
        }
        return PayerReply.answered(response);
    }

    PayerReply unavailable(String payerId, String inquiry270, Throwable failure) {
        String reason = describe(failure);
        metrics.counter("claimflow.payer.unavailable", "payer", payerId, "cause", failure.getClass().getSimpleName()).increment();
        LOG.warnf("payer %s unavailable: %s", payerId, reason);
        return PayerReply.unavailable(reason);
    }

    /** Words for people, without the exception's message (a client message may quote a URL or the request). */
    static String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "The payer did not answer within the time limit.";
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "The payer has been failing; requests are paused for a while (circuit breaker open).";
        }
        if (failure instanceof BulkheadException) {
            return "Too many requests to this payer at once; try again shortly.";
        }
        if (failure instanceof PayerUnavailableException e) {
            return e.httpStatus() == 204 ? "The payer answered with an empty body."
                    : "The payer answered with HTTP " + e.httpStatus() + ".";
        }
        if (failure instanceof PayerRejectedException e) {
            return "The payer refused the inquiry with HTTP " + e.httpStatus() + ".";
        }
        if (failure instanceof ProcessingException) {
            return "The payer could not be reached.";
        }
        return "The payer call failed (" + failure.getClass().getSimpleName() + ").";
    }
}
