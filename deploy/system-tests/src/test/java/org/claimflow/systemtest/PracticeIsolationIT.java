package org.claimflow.systemtest;

import static org.claimflow.systemtest.SystemUnderTest.play;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.claimflow.localstack.ClaimflowSystem;
import org.claimflow.localstack.DemoRunner;
import org.claimflow.localstack.Tokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue #8's done-when for practice isolation, across the whole running system: practice B's token, holding every role,
 * tries every object id of practice A on every endpoint the four services document, with every verb, and enumerates
 * ids it never saw. No attempt may succeed or show A's data, and none may answer differently from the same request with
 * an id that exists nowhere (so the answers are no oracle for which ids exist in another practice).
 */
class PracticeIsolationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String> VERBS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** At most this many of A's ids per endpoint, so the run stays short however much data A has. */
    private static final int IDS_PER_ENDPOINT = 40;

    private record Endpoint(String service, String path, Set<String> methods, List<String> queryParams) {
    }

    private record Answer(int status, String body) {
    }

    @Test
    void anotherPracticesTokenReachesNoneOfAPracticesObjectsOnAnyEndpoint() throws Exception {
        ClaimflowSystem system = SystemUnderTest.system();
        // Practice A's objects in every service: a paid claim, a denied one (a denial with its queue) and a held
        // encounter, each with its eligibility check, and what else the pipeline made for them.
        List<DemoRunner.Outcome> outcomes = List.of(
                play("office visit, copay and coinsurance", "XP-PAID"),
                play("MRI without prior authorization", "XP-DENIED"),
                play("diagnosis that is not an ICD-10-CM code", "XP-HELD"));
        Supplier<String> practiceA = system.tokens().bearer(Tokens.DEMO_PRACTICE, "owner", Tokens.ROLES);
        Supplier<String> practiceB = system.tokens().bearer("intruder-" + UUID.randomUUID().toString().substring(0, 8),
                "intruder", Tokens.ROLES);

        Map<String, List<Endpoint>> endpoints = new LinkedHashMap<>();
        for (String service : ClaimflowSystem.SERVICES) {
            endpoints.put(service, endpoints(service, system.url(service)));
        }
        Set<String> idsOfA = harvestIds(system, endpoints, outcomes, practiceA);
        assertTrue(idsOfA.size() >= 10, "practice A has objects to try: " + idsOfA.size());

        List<String> violations = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int attempts = 0;
        for (Map.Entry<String, List<Endpoint>> service : endpoints.entrySet()) {
            String base = system.url(service.getKey());
            for (Endpoint e : service.getValue()) {
                if (e.path().contains("{")) {
                    for (String verb : VERBS) {
                        Answer unknown = call(base, verb, fill(e.path(), UUID.randomUUID().toString()), practiceB);
                        int tried = 0;
                        for (String id : idsOfA) {
                            if (tried++ == IDS_PER_ENDPOINT) {
                                break;
                            }
                            Answer answer = call(base, verb, fill(e.path(), id), practiceB);
                            attempts++;
                            statuses.merge(answer.status(), 1, Integer::sum);
                            judge(verb + " " + e.path() + " with one of A's ids", answer, unknown, idsOfA,
                                    verb.equals("GET") && e.methods().contains("GET"), violations);
                        }
                    }
                } else if (e.methods().contains("GET")) {
                    // Lists and searches: filtered by A's ids, B sees nothing of A.
                    for (String param : e.queryParams()) {
                        if (!param.endsWith("Id") || param.equals("practiceId")) {
                            continue;
                        }
                        int tried = 0;
                        for (String id : idsOfA) {
                            if (tried++ == IDS_PER_ENDPOINT) {
                                break;
                            }
                            Answer answer = call(base, "GET", e.path() + "?" + param + "=" + id, practiceB);
                            attempts++;
                            statuses.merge(answer.status(), 1, Integer::sum);
                            if (answer.status() / 100 == 5 || leaks(answer, idsOfA)) {
                                violations.add("GET " + e.path() + "?" + param + "=<A's id>: " + answer.status() + " " + abbreviate(answer.body()));
                            }
                        }
                    }
                    Answer list = call(base, "GET", e.path(), practiceB);
                    attempts++;
                    statuses.merge(list.status(), 1, Integer::sum);
                    if (list.status() / 100 == 5 || leaks(list, idsOfA)) {
                        violations.add("GET " + e.path() + ": " + list.status() + " " + abbreviate(list.body()));
                    }
                }
            }
        }
        // Enumeration: ids nobody was given, on every read by id.
        for (Map.Entry<String, List<Endpoint>> service : endpoints.entrySet()) {
            String base = system.url(service.getKey());
            for (Endpoint e : service.getValue()) {
                if (!e.path().contains("{") || !e.methods().contains("GET")) {
                    continue;
                }
                // Object ids are UUIDs; a path naming a code (a CARC of the classification table) is reference data.
                boolean objectId = e.path().matches(".*\\{[A-Za-z]*[iI]d}.*");
                for (int i = 0; i < 10; i++) {
                    String guess = i < 8 || !objectId ? UUID.randomUUID().toString() : String.valueOf(i);
                    Answer answer = call(base, "GET", fill(e.path(), guess), practiceB);
                    attempts++;
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() != 404 && answer.status() != 400) {
                        violations.add("GET " + e.path() + " with a guessed id: " + answer.status() + " " + abbreviate(answer.body()));
                    }
                }
            }
        }
        System.out.printf("cross-practice sweep: %d of A's ids, %d attempts by practice B, answers by status %s, %d violations%n",
                idsOfA.size(), attempts, statuses, violations.size());
        assertTrue(attempts >= 1000, "at least a thousand cross-practice attempts: " + attempts);
        assertEquals(List.of(), violations);
        // A still sees its own objects: the ids were real, and B's attempts changed nothing.
        for (DemoRunner.Outcome o : outcomes) {
            assertEquals(200, call(system.url("coding-service"), "GET", "/api/v1/encounters/" + o.encounterId(), practiceA).status());
        }
    }

    /** B's answer for A's id: not a success, no data of A, and the same as for an id that exists nowhere. */
    private static void judge(String what, Answer answer, Answer unknown, Set<String> idsOfA, boolean mustBe404,
                              List<String> violations) {
        if (answer.status() / 100 == 2 || answer.status() / 100 == 5) {
            violations.add(what + ": answered " + answer.status() + " " + abbreviate(answer.body()));
        } else if (mustBe404 && answer.status() != 404) {
            violations.add(what + ": a read answered " + answer.status() + ", not 404");
        } else if (answer.status() != unknown.status()) {
            violations.add(what + ": answered " + answer.status() + ", an unknown id " + unknown.status() + " (an existence oracle)");
        } else if (leaks(answer, idsOfA)) {
            violations.add(what + ": the answer shows data of A: " + abbreviate(answer.body()));
        }
    }

    /** Whether the body shows one of A's ids other than in the problem's {@code instance} (the path the caller sent). */
    private static boolean leaks(Answer answer, Set<String> idsOfA) {
        String body = answer.body();
        try {
            JsonNode json = JSON.readTree(body);
            if (json instanceof ObjectNode object) {
                object.remove("instance");
                body = object.toString();
            }
        } catch (Exception notJson) {
            // compared as text
        }
        for (String id : idsOfA) {
            if (body.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** Every UUID that practice A's lists and objects show, starting from the encounters and claims the scenarios made. */
    private static Set<String> harvestIds(ClaimflowSystem system, Map<String, List<Endpoint>> endpoints,
                                          List<DemoRunner.Outcome> outcomes, Supplier<String> practiceA) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        for (DemoRunner.Outcome o : outcomes) {
            ids.add(o.encounterId());
            if (o.claimId() != null) {
                ids.add(o.claimId());
            }
        }
        for (Map.Entry<String, List<Endpoint>> service : endpoints.entrySet()) {
            String base = system.url(service.getKey());
            for (Endpoint e : service.getValue()) {
                if (!e.path().contains("{") && e.methods().contains("GET")) {
                    collect(call(base, "GET", e.path() + "?size=200", practiceA), ids);
                }
            }
        }
        // One level deeper: A's objects by id show the ids of their parts (lines, appeals, payments, checks).
        for (String id : List.copyOf(ids)) {
            for (Map.Entry<String, List<Endpoint>> service : endpoints.entrySet()) {
                String base = system.url(service.getKey());
                for (Endpoint e : service.getValue()) {
                    if (e.methods().contains("GET") && e.path().matches("/api/v1/[a-z-/]+/\\{[^}]+}")) {
                        collect(call(base, "GET", fill(e.path(), id), practiceA), ids);
                    }
                }
            }
        }
        return ids;
    }

    private static void collect(Answer answer, Set<String> ids) {
        if (answer.status() != 200) {
            return;
        }
        var m = UUID_TEXT.matcher(answer.body());
        while (m.find()) {
            ids.add(m.group());
        }
    }

    private static String fill(String template, String id) {
        return template.replaceAll("\\{[^}]+}", id);
    }

    private static Answer call(String base, String verb, String path, Supplier<String> authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization.get()).header("Accept", "*/*");
        if (verb.equals("GET") || verb.equals("DELETE")) {
            request.method(verb, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(verb, HttpRequest.BodyPublishers.ofString("{}"));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static List<Endpoint> endpoints(String service, String base) throws Exception {
        HttpResponse<String> doc = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, doc.statusCode(), service + " serves its OpenAPI document");
        List<Endpoint> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = JSON.readTree(doc.body()).path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Set<String> methods = new LinkedHashSet<>();
            List<String> query = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (VERBS.contains(method)) {
                    methods.add(method);
                    for (JsonNode p : op.getValue().path("parameters")) {
                        if ("query".equals(p.path("in").asText())) {
                            query.add(p.path("name").asText());
                        }
                    }
                }
            }
            out.add(new Endpoint(service, path.getKey(), methods, query));
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
