package org.claimflow.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.claimflow.systemtest.SystemUnderTest.get;
import static org.claimflow.systemtest.SystemUnderTest.play;
import static org.claimflow.systemtest.SystemUnderTest.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimflow.localstack.ClaimflowSystem;
import org.claimflow.localstack.DemoRunner;
import org.claimflow.localstack.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;

/**
 * Proves deploy/k8s/base/monitoring/metrics.txt, the list of metric names the Grafana dashboard and the alert rules
 * use (deploy/k8s-tests checks they use no other): drives encounters through the running system to payment, denial,
 * appeal, a coding denial's re-opening, a coder's hold and a scrubber's hold, then reads each service's /q/metrics
 * and finds every name the list gives that service, with the business counters moved.
 */
class MetricsIT {

    private static final Duration PIPELINE = Duration.ofSeconds(180);

    @BeforeAll
    static void startTheSystem() {
        SystemUnderTest.system();
    }

    @Test
    void everyListedMetricIsExposedByItsServiceAfterClaimsWentThroughThePipeline() throws IOException {
        DemoRunner.Outcome paid = play("office visit, copay and coinsurance", "METRICS-PAID");
        assertEquals("PAID", paid.outcome());
        DemoRunner.Outcome denied = play("MRI without prior authorization", "METRICS-DENIED");
        assertEquals("DENIED", denied.outcome());
        appealAndWin(denied.claimId());
        DemoRunner.Outcome recode = play("ECG pointed at a diagnosis the payer says does not support it", "METRICS-RECODE");
        assertEquals("PARTIALLY_DENIED", recode.outcome());
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(
                () -> get(url("coding-service") + "/api/v1/encounters/" + recode.encounterId()),
                e -> "NEEDS_REVIEW".equals(e.path("status").asText()));
        DemoRunner.Outcome held = play("diagnosis that is not an ICD-10-CM code", "METRICS-HELD");
        assertEquals("HELD_FOR_CODING", held.outcome());
        scrubHeldClaim();
        // Every service answers one API request, so each has its http_server_requests series.
        get(url("eligibility-service") + "/api/v1/eligibility/checks?memberId=M123456789&size=1");
        get(url("denial-service") + "/api/v1/denials?size=1");
        get(url("billing-service") + "/api/v1/claims/" + paid.claimId());
        get(url("coding-service") + "/api/v1/encounters/" + held.encounterId());

        Map<String, List<String>> expected = expectedByService();
        List<String> missing = new ArrayList<>();
        Map<String, String> scraped = new LinkedHashMap<>();
        for (String service : ClaimflowSystem.SERVICES) {
            String text = scrape(service);
            scraped.put(service, text);
            for (String name : expected.get(service)) {
                if (!Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]").matcher(text).find()) {
                    missing.add(service + ": " + name);
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "listed in metrics.txt but not in /q/metrics:\n" + String.join("\n", missing));

        // What the run did shows in the counts, not only in the names.
        assertMoved(scraped.get("coding-service"), "claimflow_encounters_received_total", "status=\"CODED\"");
        assertMoved(scraped.get("coding-service"), "claimflow_encounters_received_total", "status=\"NEEDS_REVIEW\"");
        assertMoved(scraped.get("coding-service"), "claimflow_coding_findings_total", "rule=\"ICD10_FORMAT\"");
        assertMoved(scraped.get("coding-service"), "claimflow_encounters_reopened_total", "payer=\"SANDBOX-PPO\"");
        assertMoved(scraped.get("billing-service"), "claimflow_claims_transitions_total", "to_status=\"PAID\"");
        assertMoved(scraped.get("billing-service"), "claimflow_claims_transitions_total", "to_status=\"SCRUB_HOLD\"");
        assertMoved(scraped.get("billing-service"), "claimflow_claims_scrub_findings_total", "rule=\"BILLING_ADDRESS_PO_BOX\"");
        assertMoved(scraped.get("billing-service"), "claimflow_submissions_claims_sent_total", "payer=\"SANDBOX-PPO\"");
        assertMoved(scraped.get("billing-service"), "claimflow_acknowledgments_total", "outcome=\"ACCEPTED\"", "type=\"277CA\"");
        assertMoved(scraped.get("billing-service"), "claimflow_remittances_posted_usd_total", "kind=\"PAID\"");
        assertMoved(scraped.get("eligibility-service"), "claimflow_eligibility_checks_total", "origin=\"CLAIM\"");
        assertMoved(scraped.get("eligibility-service"), "claimflow_eligibility_payer_call_seconds_count", "payer=\"SANDBOX-PPO\"");
        assertMoved(scraped.get("denial-service"), "claimflow_denials_routed_total", "queue=\"FRONT_DESK\"");
        assertMoved(scraped.get("denial-service"), "claimflow_denials_routed_usd_total", "queue=\"CODING\"");
        assertMoved(scraped.get("denial-service"), "claimflow_denials_appeals_total", "outcome=\"WON\"");
    }

    /** The front desk appeals the denial through the API, submits it and records that the payer reversed it. */
    private static void appealAndWin(String claimId) {
        JsonNode denials = await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(
                () -> get(url("denial-service") + "/api/v1/denials?claimId=" + claimId), d -> !d.path("items").isEmpty());
        String denialId = denials.path("items").get(0).path("id").asText();
        String location = given().contentType(ContentType.JSON).header("X-User", "fd-metrics")
                .body("{\"reason\":\"Authorization was obtained by phone before the scan\"}")
                .post(url("denial-service") + "/api/v1/denials/" + denialId + "/appeals")
                .then().statusCode(201).extract().header("Location");
        String appeal = location.startsWith("http") ? location : url("denial-service") + location;
        given().post(appeal + "/submission").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"outcome\":\"WON\",\"recoveredAmount\":\"100.00\"}")
                .post(appeal + "/outcome").then().statusCode(200);
    }

    /**
     * An office visit of a practice billing has no provider registry row for, billed from a PO box: the encounter's
     * billing address is used, and the claim scrubber holds the claim (SCRUB_HOLD) before submission.
     */
    private static void scrubHeldClaim() {
        ClaimflowSystem system = SystemUnderTest.system();
        // The practice comes from the token: this one's practice-management system sends it and its biller reads it.
        String practice = "metrics-practice";
        ObjectNode body = SystemUnderTest.scenario("office visit, copay and coinsurance").encounter().deepCopy();
        body.remove("practiceId");
        body.put("externalId", "METRICS-SCRUB-" + UUID.randomUUID());
        ObjectNode address = ((ObjectNode) body.path("billingProvider")).putObject("address");
        address.put("line1", "PO Box 4410").put("city", "Springfield").put("state", "IL").put("postalCode", "627011234");
        String encounterId = new DemoRunner(system.url("coding-service"), system.url("billing-service"), system.url("denial-service"),
                system.tokens().bearer(practice, "metrics-pms", List.of("pms-client"))).submit(body, UUID.randomUUID().toString());
        java.util.function.Supplier<String> biller = system.tokens().bearer(practice, "metrics-biller", List.of("biller"));
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode items = SystemUnderTest.json(given().header("Authorization", biller.get())
                    .get(url("billing-service") + "/api/v1/claims?encounterId=" + encounterId).then().statusCode(200)
                    .extract().asString()).path("items");
            return items.isEmpty() ? null : SystemUnderTest.json(given().header("Authorization", biller.get())
                    .get(url("billing-service") + "/api/v1/claims/" + items.get(0).path("id").asText()).then().statusCode(200)
                    .extract().asString());
        }, c -> c != null && "SCRUB_HOLD".equals(c.path("status").asText()));
    }

    /** metrics.txt: the names each service must expose (every-service ones for all four). */
    private static Map<String, List<String>> expectedByService() throws IOException {
        Path list = ServiceProcess.projectRoot().resolve("deploy/k8s/base/monitoring/metrics.txt");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        ClaimflowSystem.SERVICES.forEach(s -> expected.put(s, new ArrayList<>()));
        for (String line : Files.readAllLines(list)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] fields = text.split("\\s+");
            if ("every-service".equals(fields[1])) {
                expected.values().forEach(names -> names.add(fields[0]));
            } else if (expected.containsKey(fields[1])) {
                expected.get(fields[1]).add(fields[0]);
            }
        }
        assertTrue(expected.values().stream().allMatch(names -> !names.isEmpty()), "metrics.txt lists names for every service");
        return expected;
    }

    private static String scrape(String service) {
        return given().get(url(service) + "/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum over the series of {@code name} carrying every one of {@code labels} (each {@code key="value"}) is above zero. */
    private static void assertMoved(String metrics, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)}\\s+(\\S+)").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            List<String> have = List.of(m.group(1).split(","));
            if (have.containsAll(List.of(labels))) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        assertTrue(sum > 0, name + List.of(labels) + " did not move");
    }
}
