package org.claimflow.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Quarkus application (fast-jar) run as its own JVM, the way it runs in production, with a
 * capped heap and its configuration passed as system properties. Ready when /q/health/ready says UP.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> config;
    private final String heap;
    private final Path log;
    private boolean tieredJit;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> config, String heap, Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.config = config;
        this.heap = heap;
        this.log = log;
    }

    /** With the JVM's default tiers (C1 then C2) rather than C1 only; see {@link #start}. */
    public ServiceProcess withTieredJit(boolean tiered) {
        this.tieredJit = tiered;
        return this;
    }

    /** The fast-jar of a module, e.g. {@code jarOf(root, "coding-service")}. */
    public static Path jarOf(Path projectRoot, String module) {
        Path jar = projectRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(module + " is not packaged (" + jar + " missing). Build it with: mvn -pl "
                    + module + " -am package -DskipTests");
        }
        return jar;
    }

    /** The project root: -Dclaimflow.root, else the nearest directory upwards holding deploy/local-stack. */
    public static Path projectRoot() {
        String configured = System.getProperty("claimflow.root", System.getenv("CLAIMFLOW_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy/local-stack"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Cannot find the Claimflow project root; set -Dclaimflow.root");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized ServiceProcess start(Duration timeout) {
        // -Xms = -Xmx: a small young generation made a check collect every ~18 requests (eligibility README).
        // C1 only: with eight JVMs on two cores, the C2 compiler threads were each service's largest CPU consumer
        // (20-30 s of CPU in the first minutes after every start), starving the others; the CI fault run drained in
        // 32 s instead of 126 s. Long-lived pods with CPU of their own (deploy/k8s) keep the JVM's default tiers, and so
        // can a run long enough to amortise C2 (withTieredJit: ./claimflow bench --jit tiered).
        List<String> command = new ArrayList<>(List.of(KafkaBroker.javaBin(), "-Xms" + heap, "-Xmx" + heap,
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dquarkus.http.port=" + port));
        if (!tieredJit) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name + ": " + e.getMessage(), e);
        }
        awaitReady(timeout);
        return this;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            KafkaBroker.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** The operating-system process id while running. */
    public synchronized java.util.OptionalLong pid() {
        return process != null && process.isAlive() ? java.util.OptionalLong.of(process.pid()) : java.util.OptionalLong.empty();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** kill -9, as a crash would (for fault tests). */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Writes a thread dump of the running process ({@code jcmd Thread.print}) next to its log, for a test that
     * needs to say where a service was stuck.
     *
     * @return the file written, empty when the process is not running or the JDK has no jcmd
     */
    public synchronized Optional<Path> threadDump() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (process == null || !process.isAlive() || !Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        Path out = log.resolveSibling(name + "-threads-" + Instant.now().toEpochMilli() + ".txt");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            return dump.waitFor(30, TimeUnit.SECONDS) && dump.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
