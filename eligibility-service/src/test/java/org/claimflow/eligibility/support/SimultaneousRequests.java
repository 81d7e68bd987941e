package org.claimflow.eligibility.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import io.restassured.response.Response;

/**
 * Sends many requests at the same moment: every thread waits at a start gate (a barrier, not a sleep) and all
 * of them are released together, so the requests really race for the same Idempotency-Key.
 */
public final class SimultaneousRequests {

    private SimultaneousRequests() {
    }

    /** Runs {@code request.apply(i)} for i = 0..count-1, all at once, and returns the responses in that order. */
    public static List<Response> send(int count, IntFunction<Response> request) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CyclicBarrier gate = new CyclicBarrier(count);
        try {
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                pending.add(pool.submit(() -> {
                    gate.await(60, TimeUnit.SECONDS);
                    return request.apply(index);
                }));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> response : pending) {
                responses.add(response.get(180, TimeUnit.SECONDS));
            }
            return responses;
        } catch (Exception e) {
            throw new AssertionError("the simultaneous requests did not all complete", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
