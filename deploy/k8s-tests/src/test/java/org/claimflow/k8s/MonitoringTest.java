package org.claimflow.k8s;

import static org.claimflow.k8s.RenderedManifests.id;
import static org.claimflow.k8s.RenderedManifests.name;
import static org.claimflow.k8s.RenderedManifests.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dashboards, alerts and logs (issue #10): the Grafana dashboard parses and every panel queries Prometheus, every
 * metric name the dashboard and the alert rules use is in the checked list (base/monitoring/metrics.txt, which
 * deploy/system-tests MetricsIT proves against the running services), and Kubernetes turns on JSON logs.
 */
class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SOURCES = Set.of("coding-service", "billing-service", "eligibility-service",
            "denial-service", "every-service", "kafka-exporter", "prometheus");
    private static final List<String> SERVICES = List.of("coding-service", "billing-service", "eligibility-service",
            "denial-service");

    private static Path monitoring() {
        return RenderedManifests.k8s().resolve("base/monitoring");
    }

    private static JsonNode dashboard() throws IOException {
        return JSON.readTree(monitoring().resolve("claimflow-pipeline.json").toFile());
    }

    /** The checked list: metric name to source. */
    private static Map<String, String> listedMetrics() throws IOException {
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(monitoring().resolve("metrics.txt"))) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+");
            assertEquals(2, fields.length, "metrics.txt: '" + line + "' is not <name> <source>");
            assertTrue(SOURCES.contains(fields[1]), "metrics.txt: unknown source " + fields[1] + " in '" + line + "'");
            assertTrue(listed.put(fields[0], fields[1]) == null, "metrics.txt lists " + fields[0] + " twice");
        }
        return listed;
    }

    /** Every panel of the dashboard, rows' nested panels included, rows themselves left out. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    private static List<String> expressions(List<JsonNode> panels) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : panels) {
            panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
        }
        return exprs;
    }

    private static List<String> alertExpressions() throws IOException {
        JsonNode rule = RenderedManifests.YAML.readTree(RenderedManifests.k8s().resolve("base/alerts.yaml").toFile());
        List<String> exprs = new ArrayList<>();
        for (JsonNode group : rule.path("spec").path("groups")) {
            group.path("rules").forEach(r -> exprs.add(r.path("expr").asText()));
        }
        return exprs;
    }

    @Test
    void theDashboardParsesAndEveryPanelQueriesPrometheus() throws IOException {
        JsonNode dashboard = dashboard();
        assertEquals("claimflow-pipeline", dashboard.path("uid").asText());
        List<JsonNode> panels = panels(dashboard);
        assertTrue(panels.size() >= 20, "the pipeline overview has " + panels.size() + " panels");
        List<String> problems = new ArrayList<>();
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText("(untitled)");
            if (!ids.add(panel.path("id").asInt())) {
                problems.add(title + ": panel id " + panel.path("id") + " used twice");
            }
            if (!panel.path("targets").isArray() || panel.path("targets").isEmpty()) {
                problems.add(title + ": no query");
            }
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (expr.isBlank()) {
                    problems.add(title + ": target " + target.path("refId").asText() + " has no PromQL expression");
                } else if (PromQl.metricNames(expr).isEmpty()) {
                    problems.add(title + ": '" + expr + "' reads no metric");
                }
            }
            if (!"${datasource}".equals(panel.path("datasource").path("uid").asText())) {
                problems.add(title + ": not on the dashboard's Prometheus data source variable");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theDashboardAndTheAlertsUseOnlyListedMetrics() throws IOException {
        Map<String, String> listed = listedMetrics();
        Map<String, String> unlisted = new LinkedHashMap<>();
        for (String expr : expressions(panels(dashboard()))) {
            PromQl.metricNames(expr).stream().filter(n -> !listed.containsKey(n)).forEach(n -> unlisted.put(n, "dashboard: " + expr));
        }
        for (String expr : alertExpressions()) {
            PromQl.metricNames(expr).stream().filter(n -> !listed.containsKey(n)).forEach(n -> unlisted.put(n, "alerts.yaml: " + expr));
        }
        assertTrue(unlisted.isEmpty(), () -> "used but not in base/monitoring/metrics.txt:\n" + unlisted);
    }

    @Test
    void everyListedMetricIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        expressions(panels(dashboard())).forEach(e -> used.addAll(PromQl.metricNames(e)));
        alertExpressions().forEach(e -> used.addAll(PromQl.metricNames(e)));
        Set<String> unused = new TreeSet<>(listedMetrics().keySet());
        unused.removeAll(used);
        assertTrue(unused.isEmpty(), () -> "listed in base/monitoring/metrics.txt, used by no panel or rule: " + unused);
    }

    @Test
    void promQlMetricNamesSkipFunctionsLabelsRangesAndStrings() {
        assertEquals(Set.of("claimflow_eligibility_payer_call_seconds_bucket"), PromQl.metricNames(
                "histogram_quantile(0.95, sum by (le, payer) (rate(claimflow_eligibility_payer_call_seconds_bucket{job=\"x\"}[$__rate_interval])))"));
        assertEquals(Set.of("kafka_topic_partition_current_offset", "kafka_topic_partition_oldest_offset"), PromQl.metricNames(
                "sum by (topic) (kafka_topic_partition_current_offset{topic=~\"claims\\\\..*\\\\.dlq\"} - kafka_topic_partition_oldest_offset)"));
        assertEquals(Set.of("a_total", "b"), PromQl.metricNames("sum(rate(a_total[5m])) by (job) / on (job) group_left max(b) > 0.05"));
        assertEquals(Set.of("up"), PromQl.metricNames("up{job=~\"(coding|billing)-service\"} == 0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDashboardShipsAsAConfigMapTheGrafanaSidecarPicksUp(String env) throws IOException {
        List<JsonNode> dashboards = ofKind(RenderedManifests.overlay(env), "ConfigMap").stream()
                .filter(c -> "1".equals(c.path("metadata").path("labels").path("grafana_dashboard").asText())).toList();
        assertEquals(1, dashboards.size(), env + ": one ConfigMap labelled grafana_dashboard=1");
        JsonNode data = dashboards.get(0).path("data");
        assertEquals(dashboard(), JSON.readTree(data.path("claimflow-pipeline.json").asText()),
                env + ": " + id(dashboards.get(0)) + " carries the dashboard file as it is");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceLogsJsonInKubernetes(String env) {
        List<JsonNode> objects = RenderedManifests.overlay(env);
        for (String service : SERVICES) {
            JsonNode config = ofKind(objects, "ConfigMap").stream().filter(c -> name(c).equals(service + "-config"))
                    .findFirst().orElseThrow(() -> new AssertionError(env + ": no ConfigMap " + service + "-config"));
            assertEquals("true", config.path("data").path("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText(),
                    env + ": " + service + " logs JSON");
            JsonNode deployment = ofKind(objects, "Deployment").stream().filter(d -> name(d).equals(service)).findFirst()
                    .orElseThrow(() -> new AssertionError(env + ": no Deployment " + service));
            assertFalse(deployment.toString().contains("QUARKUS_LOG_CONSOLE_JSON_ENABLED\",\"value\":\"false"),
                    env + ": " + service + "'s Deployment turns JSON logs off again");
        }
    }
}
