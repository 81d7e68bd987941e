package org.claimflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends the demo scenarios (src/main/resources/demo/scenarios.json) through the public REST APIs, the way a
 * practice-management system would, and follows each encounter to the end of the pipeline.
 */
public final class DemoRunner {

    /** Where an encounter can end up in the walking skeleton. */
    public static final Set<String> TERMINAL_CLAIM_STATUSES = Set.of("PAID", "PARTIALLY_DENIED", "DENIED", "NOT_ELIGIBLE",
            "REJECTED", "SUBMISSION_FAILED", "REVERSED");

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Scenario(String name, JsonNode expect, ObjectNode encounter) {
    }

    /** Where one encounter ended. {@code outcome} is HELD_FOR_CODING, a terminal claim status, or TIMED_OUT. */
    public record Outcome(Scenario scenario, String externalId, String encounterId, String encounterStatus, String claimId,
                          String outcome, String charged, String paid, String patientResponsibility,
                          List<String> denialQueues, List<String> denialCategories) {

        public boolean matchesExpectation() {
            JsonNode e = scenario.expect();
            if (!e.path("outcome").asText().equals(outcome)) {
                return false;
            }
            if (e.has("patientOwes")) {
                boolean owes = patientResponsibility != null && !patientResponsibility.matches("0(\\.0+)?");
                if (owes != e.get("patientOwes").asBoolean()) {
                    return false;
                }
            }
            return !e.has("denialQueue") || denialQueues.contains(e.get("denialQueue").asText());
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String codingUrl;
    private final String billingUrl;
    private final String denialUrl;
    private final java.util.function.Supplier<String> authorization;

    /** {@code authorization}: the Authorization header of each call (a practice-management system's bearer token). */
    public DemoRunner(String codingUrl, String billingUrl, String denialUrl, java.util.function.Supplier<String> authorization) {
        this.codingUrl = codingUrl;
        this.billingUrl = billingUrl;
        this.denialUrl = denialUrl;
        this.authorization = authorization;
    }

    /** The demo runner of a running system, calling as its practice-management system. */
    public DemoRunner(ClaimflowSystem system) {
        this(system.url("coding-service"), system.url("billing-service"), system.url("denial-service"), system.pmsClient());
    }

    public static List<Scenario> scenarios() {
        try (InputStream in = DemoRunner.class.getResourceAsStream("/demo/scenarios.json")) {
            List<Scenario> out = new ArrayList<>();
            for (JsonNode node : JSON.readTree(in)) {
                out.add(new Scenario(node.get("name").asText(), node.get("expect"), (ObjectNode) node.get("encounter")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts an encounter with an Idempotency-Key; returns the encounter id. */
    public String submit(ObjectNode encounter, String idempotencyKey) {
        JsonNode response = send(HttpRequest.newBuilder(URI.create(codingUrl + "/api/v1/encounters"))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization.get())
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(encounter.toString())), 202);
        return response.get("id").asText();
    }

    public List<Outcome> run(List<Scenario> scenarios, String runTag, Duration timeout) {
        List<String> ids = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            ObjectNode body = scenarios.get(i).encounter().deepCopy();
            String externalId = "DEMO-" + runTag + "-" + String.format("%02d", i + 1);
            body.put("externalId", externalId);
            externalIds.add(externalId);
            ids.add(submit(body, UUID.randomUUID().toString()));
        }
        List<Outcome> outcomes = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        for (int i = 0; i < scenarios.size(); i++) {
            outcomes.add(follow(scenarios.get(i), externalIds.get(i), ids.get(i), deadline));
        }
        return outcomes;
    }

    /** Polls the services until the encounter reaches a terminal state or the deadline passes. */
    public Outcome follow(Scenario scenario, String externalId, String encounterId, Instant deadline) {
        Outcome last = null;
        while (true) {
            last = observe(scenario, externalId, encounterId);
            boolean done = "HELD_FOR_CODING".equals(last.outcome())
                    || TERMINAL_CLAIM_STATUSES.contains(last.outcome())
                    && (!isDenial(last.outcome()) || !last.denialQueues().isEmpty());
            if (done) {
                return last;
            }
            if (Instant.now().isAfter(deadline)) {
                return new Outcome(scenario, externalId, encounterId, last.encounterStatus(), last.claimId(),
                        "TIMED_OUT(" + last.outcome() + ")", last.charged(), last.paid(), last.patientResponsibility(),
                        last.denialQueues(), last.denialCategories());
            }
            KafkaBroker.sleep(300);
        }
    }

    private static boolean isDenial(String outcome) {
        return "DENIED".equals(outcome) || "PARTIALLY_DENIED".equals(outcome);
    }

    private Outcome observe(Scenario scenario, String externalId, String encounterId) {
        JsonNode encounter = get(codingUrl + "/api/v1/encounters/" + encounterId);
        String encounterStatus = encounter == null ? "UNKNOWN" : encounter.path("status").asText();
        JsonNode claim = originalClaim(encounterId);
        if ("NEEDS_REVIEW".equals(encounterStatus) && claim == null) {
            return new Outcome(scenario, externalId, encounterId, encounterStatus, null, "HELD_FOR_CODING",
                    null, null, null, List.of(), List.of());
        }
        // A claim exists: its outcome counts, even when a coding denial has re-opened the encounter since.
        if (claim == null) {
            return new Outcome(scenario, externalId, encounterId, encounterStatus, null, "NO_CLAIM_YET",
                    null, null, null, List.of(), List.of());
        }
        String claimId = claim.path("id").asText();
        Set<String> queues = new LinkedHashSet<>();
        Set<String> categories = new LinkedHashSet<>();
        JsonNode denials = get(denialUrl + "/api/v1/denials?claimId=" + claimId);
        if (denials != null) {
            for (JsonNode d : denials.path("items")) {
                queues.add(d.path("queue").asText());
                categories.add(d.path("category").asText());
            }
        }
        return new Outcome(scenario, externalId, encounterId, encounterStatus, claimId, claim.path("status").asText(),
                text(claim.path("amounts"), "charged"), text(claim.path("amounts"), "paid"),
                text(claim.path("amounts"), "patientResponsibility"),
                List.copyOf(queues), List.copyOf(categories));
    }

    /** The encounter's original claim (frequency 1), not a replacement or void made later to correct it. */
    private JsonNode originalClaim(String encounterId) {
        JsonNode claims = get(billingUrl + "/api/v1/claims?encounterId=" + encounterId);
        if (claims == null) {
            return null;
        }
        for (JsonNode claim : claims.path("items")) {
            if (claim.path("replacesClaimId").isMissingNode() || claim.path("replacesClaimId").isNull()) {
                return claim;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private JsonNode get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", authorization.get())
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A table a person can read in a terminal. */
    public static String summary(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        String format = "%-46s %-18s %9s %9s %9s  %-22s %s%n";
        out.append(String.format(format, "scenario", "outcome", "charged", "paid", "patient", "denial queue", "as expected"));
        for (Outcome o : outcomes) {
            out.append(String.format(format, truncate(o.scenario().name(), 46), o.outcome(), nz(o.charged()), nz(o.paid()),
                    nz(o.patientResponsibility()), o.denialQueues().isEmpty() ? "-" : String.join(",", o.denialQueues())
                            + (o.denialCategories().isEmpty() ? "" : " (" + String.join(",", o.denialCategories()) + ")"),
                    o.matchesExpectation() ? "yes" : "NO, expected " + o.scenario().expect()));
        }
        return out.toString();
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
