package org.claimflow.systemtest;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.claimflow.localstack.ClaimflowSystem;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.DemoRunner;
import org.claimflow.localstack.ServiceProcess;
import org.claimflow.localstack.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one system every end-to-end test class of this JVM shares, as the run command starts it: real PostgreSQL,
 * a real Kafka broker, the sandbox payer and the four packaged services as separate processes. Started by the
 * first test class that asks (a start costs minutes on two cores), stopped when the JVM exits.
 */
final class SystemUnderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ClaimflowSystem system;
    private static OtlpReceiver traces;

    private SystemUnderTest() {
    }

    static synchronized ClaimflowSystem system() {
        if (system == null) {
            try {
                Path root = ServiceProcess.projectRoot();
                Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "system-");
                // The services export their spans to this JVM (TracingIT); only this system's services, so the
                // launcher's pass-through property is cleared once they are started.
                OtlpReceiver receiver = OtlpReceiver.start();
                System.setProperty("claimflow.otlp.endpoint", receiver.endpoint());
                ClaimflowSystem started;
                try {
                    started = new ClaimflowSystem(ClaimflowSystem.Options.isolated(root, work))
                            .start(step -> System.out.println("starting " + step));
                } finally {
                    System.clearProperty("claimflow.otlp.endpoint");
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    receiver.close();
                }, "stop-claimflow-system"));
                traces = receiver;
                // Every RestAssured call of the end-to-end tests carries a token of the demo practice with every
                // role, unless the test sends its own (bearer()).
                DefaultTestToken.install(started.tokens());
                system = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return system;
    }

    /** The OTLP receiver the shared system's services export their spans to. */
    static synchronized OtlpReceiver traces() {
        system();
        return traces;
    }

    static String url(String service) {
        return system().url(service);
    }

    static DemoRunner runner() {
        return new DemoRunner(system());
    }

    /** The Authorization header of {@code user} of the demo practice with {@code roles}, as the running system trusts. */
    static String bearer(String user, String... roles) {
        return "Bearer " + system().tokens().mint(Tokens.DEMO_PRACTICE, user, java.util.List.of(roles));
    }

    static DemoRunner.Scenario scenario(String name) {
        return DemoRunner.scenarios().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no demo scenario named " + name));
    }

    /** Sends a demo scenario's encounter under a fresh external id and follows it to its terminal state. */
    static DemoRunner.Outcome play(String scenarioName, String tag) {
        DemoRunner.Scenario scenario = scenario(scenarioName);
        ObjectNode body = scenario.encounter().deepCopy();
        String externalId = tag + "-" + UUID.randomUUID();
        body.put("externalId", externalId);
        String encounterId = runner().submit(body, UUID.randomUUID().toString());
        return runner().follow(scenario, externalId, encounterId, Instant.now().plus(Duration.ofSeconds(180)));
    }

    static JsonNode get(String url) {
        return json(given().get(url).then().statusCode(200).extract().asString());
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    static BigDecimal money(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? BigDecimal.ZERO : new BigDecimal(v.asText());
    }
}
