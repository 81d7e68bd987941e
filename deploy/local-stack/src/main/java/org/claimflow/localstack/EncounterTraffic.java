package org.claimflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Encounters sent the way a practice-management system sends them: the realistic mix of the demo scenarios, one
 * {@code Idempotency-Key} per encounter, retried with the same key on timeouts, refused connections and 5xx. Used
 * by the fault-injection run and the throughput benchmark.
 */
final class EncounterTraffic {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer to one encounter: its id when acknowledged, the first attempt's latency, the attempts made. */
    record Outcome(int status, String encounterId, String body, Duration firstAttempt, int attempts) {

        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String intakeUrl;
    private final java.util.function.Supplier<String> authorization;

    /** {@code authorization}: the Authorization header of each call (the practice-management system's bearer token). */
    EncounterTraffic(String codingServiceUrl, java.util.function.Supplier<String> authorization) {
        this.intakeUrl = codingServiceUrl + "/api/v1/encounters";
        this.authorization = authorization;
    }

    /** Mostly clean, paid encounters; some held by coding edits, some not eligible, some denied by the payer. */
    static List<DemoRunner.Scenario> mix() {
        Map<String, DemoRunner.Scenario> byName = new LinkedHashMap<>();
        DemoRunner.scenarios().forEach(s -> byName.put(s.name(), s));
        List<DemoRunner.Scenario> mix = new ArrayList<>();
        String[] paid = {"office visit, copay and coinsurance", "office visit, plan pays everything allowed",
                "new patient, deductible not yet met", "Medicare office visit, 20% coinsurance"};
        for (int i = 0; i < 4; i++) {
            for (String name : paid) {
                mix.add(require(byName, name));
            }
        }
        mix.add(require(byName, "visit plus a non-covered cosmetic procedure"));
        mix.add(require(byName, "MRI without prior authorization"));
        mix.add(require(byName, "coverage ended before the visit"));
        mix.add(require(byName, "diagnosis that is not an ICD-10-CM code"));
        return mix;
    }

    private static DemoRunner.Scenario require(Map<String, DemoRunner.Scenario> byName, String name) {
        DemoRunner.Scenario s = byName.get(name);
        if (s == null) {
            throw new IllegalStateException("demo scenario missing: " + name);
        }
        return s;
    }

    /** Sleeps until encounter {@code index} is due at {@code ratePerSecond} from {@code start} (open loop). */
    static void pace(Instant start, int index, double ratePerSecond) {
        long due = start.toEpochMilli() + (long) (index * 1000.0 / ratePerSecond);
        long wait = due - System.currentTimeMillis();
        if (wait > 0) {
            KafkaBroker.sleep(wait);
        }
    }

    /**
     * POSTs the scenario's encounter under {@code externalId} with a fresh Idempotency-Key, retrying with the same key
     * until a 2xx or 4xx answer or {@code giveUp} has passed (then status 0).
     */
    Outcome send(DemoRunner.Scenario scenario, String externalId, Duration giveUp) {
        return send(scenario, externalId, giveUp, true);
    }

    /** One attempt only, whatever the answer: what an overload run counts (0 when the call itself failed). */
    Outcome sendOnce(DemoRunner.Scenario scenario, String externalId) {
        return send(scenario, externalId, Duration.ofSeconds(30), false);
    }

    private Outcome send(DemoRunner.Scenario scenario, String externalId, Duration giveUp, boolean retry) {
        ObjectNode body = scenario.encounter().deepCopy();
        body.put("externalId", externalId);
        HttpRequest.Builder sameRequest = HttpRequest.newBuilder(URI.create(intakeUrl))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        Instant deadline = Instant.now().plus(giveUp);
        Duration first = null;
        int attempts = 0;
        long backoff = 200;
        while (Instant.now().isBefore(deadline)) {
            attempts++;
            long began = System.nanoTime();
            try {
                // A retry may outlast a token: each attempt carries a current one.
                HttpRequest request = sameRequest.copy().header("Authorization", authorization.get()).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (first == null) {
                    first = Duration.ofNanos(System.nanoTime() - began);
                }
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return new Outcome(status, JSON.readTree(response.body()).path("id").asText(), response.body(), first, attempts);
                }
                if (status < 500 || !retry) {
                    return new Outcome(status, null, response.body(), first, attempts);
                }
            } catch (IOException timeoutOrRefused) {
                if (first == null) {
                    first = Duration.ofNanos(System.nanoTime() - began);
                }
                if (!retry) {
                    break;
                }
                // the service is down or restarting: retry with the same key
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            KafkaBroker.sleep(backoff);
            backoff = Math.min(backoff * 2, 2000);
        }
        return new Outcome(0, null, null, first == null ? Duration.ZERO : first, attempts);
    }
}
