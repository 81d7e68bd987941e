package org.claimflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node Kafka broker (KRaft) in its own JVM, started from the jars that the
 * {@code claimflow-kafka-broker} module copies out of Maven Central. Nothing is mocked: services and
 * tests talk to it over the Kafka protocol on loopback.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path workDir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private final String heap;
    private Process process;

    public KafkaBroker(Path workDir, int port, int controllerPort, int partitions, String heap) {
        this.workDir = workDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
        this.heap = heap;
    }

    /** The broker's process id while running. */
    public synchronized java.util.OptionalLong pid() {
        return process != null && process.isAlive() ? java.util.OptionalLong.of(process.pid()) : java.util.OptionalLong.empty();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized KafkaBroker start(Duration timeout) {
        try {
            Path libs = brokerLibs();
            Path logs = Files.createDirectories(workDir.resolve("data"));
            Path config = writeServerProperties(logs);
            Path log4j = writeLog4jConfig();
            String classpath = libs.toAbsolutePath() + "/*";
            // A log directory formatted before (a restart, --keep-data) keeps its cluster id: formatting it again
            // with a new id is refused, so only a fresh directory is formatted.
            if (!Files.exists(logs.resolve("meta.properties"))) {
                String clusterId = runAndCapture(List.of(javaBin(), "-cp", classpath,
                        "-Dlog4j2.configurationFile=" + log4j, "kafka.tools.StorageTool", "random-uuid")).trim();
                String[] lines = clusterId.split("\\R");
                clusterId = lines[lines.length - 1].trim();
                runAndCapture(List.of(javaBin(), "-cp", classpath, "-Dlog4j2.configurationFile=" + log4j,
                        "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()));
            }
            List<String> command = new ArrayList<>(List.of(javaBin(), "-Xms128m", "-Xmx" + heap,
                    "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4j, "-cp", classpath, "kafka.Kafka", config.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("kafka.log").toFile()));
            process = builder.start();
            awaitReady(timeout);
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the Kafka broker in " + workDir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue()
                        + "; see " + workDir.resolve("kafka.log"));
            }
            try (Admin admin = Admin.create(props)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                sleep(250);
            }
        }
        throw new IllegalStateException("Kafka broker not ready within " + timeout + "; see " + workDir.resolve("kafka.log"));
    }

    private Path writeServerProperties(Path logs) throws IOException {
        String props = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logs.toAbsolutePath(),
                "num.partitions=" + partitions,
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                "default.replication.factor=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=2",
                "log.retention.hours=168",
                "");
        Path file = workDir.resolve("server.properties");
        Files.writeString(file, props);
        return file;
    }

    private Path writeLog4jConfig() throws IOException {
        String cfg = String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.stdout.ref=STDOUT",
                "appender.stdout.type=Console",
                "appender.stdout.name=STDOUT",
                "appender.stdout.layout.type=PatternLayout",
                "appender.stdout.layout.pattern=[%d] %p %m (%c)%n",
                "logger.kafka.name=kafka.server.KafkaRaftServer",
                "logger.kafka.level=INFO",
                "");
        Path file = workDir.resolve("log4j2.properties");
        Files.writeString(file, cfg);
        return file;
    }

    static Path brokerLibs() {
        String configured = System.getProperty("claimflow.kafka.libs", System.getenv("CLAIMFLOW_KAFKA_LIBS"));
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        // Walk up from the working directory to the project root (tests run inside a module).
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            candidates.add(dir.resolve("deploy/kafka-broker/target/libs"));
        }
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                try (var files = Files.list(candidate)) {
                    if (files.anyMatch(p -> p.getFileName().toString().startsWith("kafka_2.13"))) {
                        return candidate;
                    }
                } catch (IOException ignored) {
                    // try the next candidate
                }
            }
        }
        throw new IllegalStateException("Kafka broker jars not found (looked in " + candidates
                + "). Build them with: mvn -pl deploy/kafka-broker package");
    }

    private String runAndCapture(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("command failed: " + command.get(command.size() - 1) + "\n" + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Kills the broker at once, as a crash would (for fault tests). */
    public synchronized void kill() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitFor(process);
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    waitFor(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void waitFor(Process p) {
        try {
            p.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
