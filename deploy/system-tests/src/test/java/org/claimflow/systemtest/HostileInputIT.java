package org.claimflow.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.claimflow.localstack.ClaimflowSystem;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue #7's hostile-input sweep, over every endpoint each service documents in its OpenAPI: malformed JSON, wrong
 * types, huge numbers and strings, unknown and server-owned fields, deep nesting, oversized bodies, broken X12, and
 * injection strings in path and query parameters. Every answer must be a client error (never 5xx), application errors
 * must be problem+json, and no answer may carry a stack trace, a class name or SQL.
 */
class HostileInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** What an error body must never show: stack frames, exception class names, SQL, driver messages. */
    private static final Pattern LEAK = Pattern.compile(
            "\\bat (org|java|io|jdk|com)\\.|Exception\\b|org\\.hibernate|org\\.postgresql|\\bSQL\\b|SQLState|syntax error|"
                    + "\\bselect \\w+ from\\b|\\binsert into\\b|java\\.lang", Pattern.CASE_INSENSITIVE);
    private static final List<String> HOSTILE_SEGMENTS = List.of("' OR '1'='1", "../../etc/passwd", "%00", "<script>alert(1)</script>",
            "9".repeat(400), "x".repeat(3000), "-1", "null");

    /** Every role of the demo practice: the sweep means to reach validation, not stop at the door. */
    private static java.util.function.Supplier<String> authorization;

    private record Endpoint(String service, String method, String path, List<String> contentTypes, List<String> queryParams) {
    }

    @Test
    void everyDocumentedEndpointAnswersHostileInputWithAClientErrorAndNoLeak() throws Exception {
        ClaimflowSystem system = SystemUnderTest.system();
        authorization = system.tokens().bearer(org.claimflow.localstack.Tokens.DEMO_PRACTICE, "hostile-sweep",
                org.claimflow.localstack.Tokens.ROLES);
        List<String> violations = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int requests = 0;
        int endpoints = 0;
        for (String service : ClaimflowSystem.SERVICES) {
            String base = system.url(service);
            for (Endpoint e : endpoints(service, base)) {
                endpoints++;
                for (Probe probe : probes(e)) {
                    requests++;
                    statuses.merge(check(base, e, probe, violations), 1, Integer::sum);
                }
            }
        }
        System.out.printf("hostile-input sweep: %d endpoints, %d requests, answers by status %s (0: connection cut), %d violations%n",
                endpoints, requests, statuses, violations.size());
        assertTrue(endpoints >= 30, "the OpenAPI documents of the four services list their endpoints: " + endpoints);
        // The sweep reached the validation it means to test, not just a router's 404.
        assertTrue(statuses.getOrDefault(400, 0) > requests / 3, "most hostile requests are refused as bad requests: " + statuses);
        assertTrue(statuses.getOrDefault(413, 0) + statuses.getOrDefault(0, 0) > 0, "oversized bodies are refused: " + statuses);
        assertEquals(List.of(), violations);
        // coding-service's load shedding counts calls in flight; every one of these, answered or cut, gave its place back.
        awaitIntakeInFlight(system.url("coding-service"), 0);
    }

    private static void awaitIntakeInFlight(String coding, int expected) throws Exception {
        Pattern gauge = Pattern.compile("(?m)^claimflow_intake_in_flight\\S*\\s+([0-9.]+)");
        String last = "?";
        for (int i = 0; i < 50; i++) {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(coding + "/q/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            var m = gauge.matcher(metrics);
            last = m.find() ? m.group(1) : "absent";
            if (m.find(0) && Double.parseDouble(m.group(1)) == expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("coding-service's intake calls in flight should come back to " + expected + ", reads " + last);
    }

    private record Probe(String description, String path, String contentType, String body) {
    }

    private static List<Endpoint> endpoints(String service, String base) throws Exception {
        HttpResponse<String> doc = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, doc.statusCode(), service + " serves its OpenAPI document");
        JsonNode paths = JSON.readTree(doc.body()).path("paths");
        List<Endpoint> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                List<String> types = new ArrayList<>();
                op.getValue().path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
                List<String> query = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    if ("query".equals(p.path("in").asText())) {
                        query.add(p.path("name").asText());
                    }
                }
                out.add(new Endpoint(service, method, path.getKey(), types, query));
            }
        }
        return out;
    }

    /** The hostile requests for one endpoint. */
    private static List<Probe> probes(Endpoint e) {
        List<Probe> probes = new ArrayList<>();
        String validPath = e.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        if (e.path().contains("{")) {
            for (String segment : HOSTILE_SEGMENTS) {
                String encoded = URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
                probes.add(new Probe("path parameter " + abbreviate(segment), e.path().replaceAll("\\{[^}]+}", encoded),
                        null, null));
            }
        }
        for (String q : e.queryParams()) {
            for (String value : List.of("' OR 1=1--", "-99999999999999999999", "1e400", "x".repeat(3000), "<script>")) {
                probes.add(new Probe("query " + q + "=" + abbreviate(value), validPath + "?" + q + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8), null, null));
            }
        }
        if (!List.of("POST", "PUT", "PATCH").contains(e.method())) {
            return probes;
        }
        for (String type : e.contentTypes().isEmpty() ? List.of("application/json") : e.contentTypes()) {
            if (type.contains("json")) {
                Map<String, String> bodies = new LinkedHashMap<>();
                bodies.put("truncated JSON", "{\"a\": ");
                bodies.put("not JSON", "hello");
                bodies.put("array instead of object", "[1, 2, 3]");
                bodies.put("string instead of object", "\"x\"");
                bodies.put("number instead of object", "1e400");
                bodies.put("empty object", "{}");
                bodies.put("unknown field", "{\"noSuchField\": 1}");
                bodies.put("server-owned fields", "{\"id\": \"" + UUID.randomUUID() + "\", \"status\": \"PAID\", \"paidAmount\": \"99999.99\", "
                        + "\"createdAt\": \"2020-01-01T00:00:00Z\"}");
                bodies.put("huge number", "{\"amount\": " + "9".repeat(5000) + ", \"units\": 1e309}");
                bodies.put("huge string", "{\"reason\": \"" + "x".repeat(200_000) + "\"}");
                bodies.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
                bodies.put("null body", "null");
                bodies.put("oversized body (2 MiB)", "{\"reason\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}");
                bodies.forEach((what, body) -> probes.add(new Probe(what, validPath, type, body)));
                probes.add(new Probe("JSON with a wrong content type", validPath, "text/plain", "{}"));
            } else {
                probes.add(new Probe("garbage " + type, validPath, type, "\u0000\u0001 not an interchange ~~~***"));
                probes.add(new Probe("truncated ISA " + type, validPath, type, "ISA*00*          *00*"));
                probes.add(new Probe("empty " + type, validPath, type, ""));
                probes.add(new Probe("oversized " + type, validPath, type, "ISA*" + "A".repeat(12 * 1024 * 1024)));
            }
        }
        return probes;
    }

    /** Sends the probe, records what is wrong with the answer, returns its status (0 when there was none). */
    private static int check(String base, Endpoint e, Probe probe, List<String> violations) {
        String where = e.service() + " " + e.method() + " " + e.path() + " [" + probe.description() + "]";
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + probe.path())).timeout(Duration.ofSeconds(30))
                    .header("X-Request-Id", "hostile-sweep").header("Authorization", authorization.get());
            if (probe.body() != null) {
                request.header("Content-Type", probe.contentType())
                        .method(e.method(), HttpRequest.BodyPublishers.ofString(probe.body()));
            } else if (List.of("POST", "PUT", "PATCH").contains(e.method())) {
                request.header("Content-Type", "application/json").method(e.method(), HttpRequest.BodyPublishers.ofString("{}"));
            } else {
                request.method(e.method(), HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String body = response.body() == null ? "" : response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500) {
                violations.add(where + ": answered " + status + " " + abbreviate(body));
            }
            if (List.of(400, 401, 403, 409, 422).contains(status) && !type.contains("application/problem+json")) {
                violations.add(where + ": " + status + " without a problem body (Content-Type " + type + ")");
            }
            if (status >= 400 && LEAK.matcher(body).find()) {
                violations.add(where + ": the error body leaks internals: " + abbreviate(body));
            }
            return status;
        } catch (java.io.IOException ioe) {
            // A server may cut an oversized upload short; anything else is a failure to answer.
            if (!probe.description().startsWith("oversized")) {
                violations.add(where + ": no answer (" + ioe.getClass().getSimpleName() + ")");
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            violations.add(where + ": interrupted");
        }
        return 0;
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
