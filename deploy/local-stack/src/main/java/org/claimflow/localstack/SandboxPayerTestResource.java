package org.claimflow.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the packaged sandbox payer (the stand-in for payers and the clearinghouse) on a free port for a
 * service's tests, and points the service's payer gateway at it ({@code claimflow.payer-gateway.url}).
 * Needs {@code deploy/sandbox-payer} packaged first; the reactor build does that.
 */
public class SandboxPayerTestResource implements QuarkusTestResourceLifecycleManager {

    private static ServiceProcess sandbox;

    @Override
    public synchronized Map<String, String> start() {
        if (sandbox == null) {
            Path root = ServiceProcess.projectRoot();
            ServiceProcess process = new ServiceProcess("sandbox-payer", ServiceProcess.jarOf(root, "deploy/sandbox-payer"),
                    Ports.free(), Map.of(), "128m", Path.of("target", "sandbox-payer.log").toAbsolutePath());
            process.start(Duration.ofSeconds(60));
            sandbox = process;
            Runtime.getRuntime().addShutdownHook(new Thread(process::close, "sandbox-payer-stop"));
        }
        return Map.of("claimflow.payer-gateway.url", sandbox.url());
    }

    /** The running sandbox's base URL, for tests that switch its fault modes. */
    public static String url() {
        return sandbox == null ? null : sandbox.url();
    }

    @Override
    public void stop() {
        // Lives for the whole test JVM; a shutdown hook stops it.
    }
}
