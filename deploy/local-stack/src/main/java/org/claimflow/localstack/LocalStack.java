package org.claimflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The run command's launcher: starts the whole system locally on embedded infrastructure, plays the demo
 * scenarios through it, prints where each one ended, and keeps running until Ctrl-C (or SIGTERM from
 * {@code ./claimflow stop}), which stops every process it started.
 *
 * <pre>
 * java -cp "deploy/local-stack/target/classes:deploy/local-stack/target/lib/*" org.claimflow.localstack.LocalStack
 *      [--keep-data] [--no-demo] [--postgres-url jdbc:postgresql://host:5432/ --postgres-user u --postgres-password p]
 * </pre>
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Path root = ServiceProcess.projectRoot();
        ClaimflowSystem.Options options = ClaimflowSystem.Options.defaults(root);
        boolean demo = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keep-data" -> options = options.keepingData();
                case "--no-demo" -> demo = false;
                case "--postgres-url" -> options = options.withExternalPostgres(args[++i], options.postgresUser(), options.postgresPassword());
                case "--postgres-user" -> options = options.withExternalPostgres(options.externalPostgresUrl(), args[++i], options.postgresPassword());
                case "--postgres-password" -> options = options.withExternalPostgres(options.externalPostgresUrl(), options.postgresUser(), args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        Path readyFile = options.workDir().resolve("ready");
        Files.deleteIfExists(readyFile);
        checkPortsFree(options);

        ClaimflowSystem system = new ClaimflowSystem(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Claimflow…");
            try {
                Files.deleteIfExists(readyFile);
            } catch (IOException ignored) {
                // best effort
            }
            system.close();
            stopped.countDown();
            System.out.println("Stopped.");
        }, "claimflow-stop"));

        long t0 = System.nanoTime();
        System.out.println("Starting Claimflow (logs in " + options.workDir().resolve("logs") + ")");
        system.start(step -> System.out.println("  starting " + step));
        System.out.printf("All processes ready in %.1f s%n%n", (System.nanoTime() - t0) / 1e9);

        if (demo) {
            DemoRunner runner = new DemoRunner(system);
            List<DemoRunner.Scenario> scenarios = DemoRunner.scenarios();
            System.out.println("Sending " + scenarios.size() + " demo encounters (practice demo-practice, sandbox payers)…");
            String tag = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
            List<DemoRunner.Outcome> outcomes = runner.run(scenarios, tag, Duration.ofSeconds(120));
            System.out.println();
            System.out.print(DemoRunner.summary(outcomes));
            long good = outcomes.stream().filter(DemoRunner.Outcome::matchesExpectation).count();
            System.out.printf("%d of %d encounters ended as expected.%n", good, outcomes.size());
        }

        System.out.println();
        System.out.println("Claimflow is running:");
        for (String service : ClaimflowSystem.SERVICES) {
            System.out.printf("  %-20s %s   (OpenAPI %s/q/openapi, health %s/q/health)%n", service, system.url(service),
                    system.url(service), system.url(service));
        }
        System.out.printf("  %-20s %s   (stand-in for payers and the clearinghouse)%n", "sandbox-payer", system.url("sandbox-payer"));
        System.out.printf("  %-20s %s%n", "kafka", system.kafka().bootstrapServers());
        System.out.printf("  %-20s %s{coding,billing,eligibility,denial}%n", "postgresql", system.jdbcUrl(""));
        System.out.println("Press Ctrl-C to stop everything.");
        Files.writeString(readyFile, Long.toString(ProcessHandle.current().pid()));
        stopped.await();
    }

    private static void checkPortsFree(ClaimflowSystem.Options options) {
        List<Integer> ports = new java.util.ArrayList<>(options.servicePorts().values());
        ports.add(options.sandboxPort());
        ports.add(options.kafkaPort());
        ports.add(options.kafkaControllerPort());
        if (options.externalPostgresUrl() == null) {
            ports.add(options.postgresPort());
        }
        for (int port : ports) {
            if (Ports.inUse(port)) {
                System.err.println("Port " + port + " is already in use. Is Claimflow already running? Stop it with ./claimflow stop");
                System.exit(1);
            }
        }
    }
}
