package org.claimflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The whole system on one machine: PostgreSQL (embedded unless an external server is given), a Kafka
 * broker, the sandbox payer and the four services, each its own process, started one after another so
 * two cores are not swamped. Used by the run command and by the end-to-end tests.
 */
public final class ClaimflowSystem implements AutoCloseable {

    public static final List<String> SERVICES = List.of("coding-service", "billing-service", "eligibility-service", "denial-service");
    public static final List<String> DATABASES = List.of("coding", "billing", "eligibility", "denial");
    /** Every topic and its dead-letter topic, created up front with the partition count consumers scale by. */
    public static final List<String> TOPICS = List.of(
            "claims.encounter-coded.v1", "claims.claim-assembled.v1", "claims.eligibility-checked.v1",
            "claims.claim-submitted.v1", "claims.claim-adjudicated.v1", "claims.denial-routed.v1",
            "claims.claim-correction-requested.v1");

    /** Where and how to run; {@link #defaults(Path)} gives the documented fixed ports. */
    public record Options(Path root, Path workDir, boolean cleanData, int postgresPort, int kafkaPort, int kafkaControllerPort,
                          Map<String, Integer> servicePorts, int sandboxPort, String externalPostgresUrl,
                          String postgresUser, String postgresPassword, String serviceHeap, int partitions,
                          boolean tieredJit) {

        public static Options defaults(Path root) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("coding-service", 8081);
            ports.put("billing-service", 8082);
            ports.put("eligibility-service", 8083);
            ports.put("denial-service", 8084);
            return new Options(root, root.resolve(".claimflow"), true, 15432, 19092, 19093, ports, 8089,
                    null, "postgres", "postgres", "256m", 3, false);
        }

        /** Free ports everywhere and a fresh work directory: for tests that must not clash with a running system. */
        public static Options isolated(Path root, Path workDir) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            SERVICES.forEach(s -> ports.put(s, Ports.free()));
            return new Options(root, workDir, true, Ports.free(), Ports.free(), Ports.free(), ports, Ports.free(),
                    null, "postgres", "postgres", "256m", 3, false);
        }

        public Options withExternalPostgres(String url, String user, String password) {
            return new Options(root, workDir, cleanData, postgresPort, kafkaPort, kafkaControllerPort, servicePorts, sandboxPort,
                    url, user, password, serviceHeap, partitions, tieredJit);
        }

        public Options keepingData() {
            return new Options(root, workDir, false, postgresPort, kafkaPort, kafkaControllerPort, servicePorts, sandboxPort,
                    externalPostgresUrl, postgresUser, postgresPassword, serviceHeap, partitions, tieredJit);
        }

        /**
         * The services with the JVM's default tiers (C1 then C2) instead of C1 only: slower to warm up and hungrier
         * for CPU in the first minutes, faster once compiled. For runs long enough to amortise C2 (the benchmark).
         */
        public Options withTieredJit() {
            return new Options(root, workDir, cleanData, postgresPort, kafkaPort, kafkaControllerPort, servicePorts, sandboxPort,
                    externalPostgresUrl, postgresUser, postgresPassword, serviceHeap, partitions, true);
        }
    }

    private final Options options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private Postgres postgres;
    private KafkaBroker kafka;
    private String jdbcBase;
    private Tokens tokens;

    public ClaimflowSystem(Options options) {
        this.options = options;
    }

    public ClaimflowSystem start(java.util.function.Consumer<String> progress) {
        try {
            Files.createDirectories(options.workDir());
            Path logs = Files.createDirectories(options.workDir().resolve("logs"));
            if (options.cleanData()) {
                deleteTree(options.workDir().resolve("kafka"));
            }
            // The services verify bearer tokens against this system's key pair (kept under the work directory, so
            // ./claimflow token mints tokens the running system accepts).
            tokens = Tokens.loadOrCreate(options.workDir().resolve("jwt"));
            Map<String, String> tokenConfig = tokens.serviceConfig(options.workDir().resolve("jwt").resolve("public.pem"));
            startPostgres(progress);
            progress.accept("Kafka broker (KRaft) on 127.0.0.1:" + options.kafkaPort());
            kafka = new KafkaBroker(Files.createDirectories(options.workDir().resolve("kafka")), options.kafkaPort(),
                    options.kafkaControllerPort(), options.partitions(), "512m").start(Duration.ofSeconds(180));
            started.add(kafka);
            createTopics();

            ServiceProcess sandbox = new ServiceProcess("sandbox-payer", ServiceProcess.jarOf(options.root(), "deploy/sandbox-payer"),
                    options.sandboxPort(), Map.of(), "128m", logs.resolve("sandbox-payer.log"));
            progress.accept("sandbox payer (stand-in for payers and the clearinghouse) on " + sandbox.url());
            startProcess(sandbox);

            for (String service : SERVICES) {
                int port = options.servicePorts().get(service);
                String database = service.substring(0, service.indexOf('-'));
                Map<String, String> config = new LinkedHashMap<>();
                config.put("quarkus.datasource.jdbc.url", jdbcBase + database);
                // Migrations run as the owner; the service itself as the application role row-level security binds.
                config.put("quarkus.datasource.username", Postgres.APP_ROLE);
                config.put("quarkus.datasource.password", Postgres.APP_PASSWORD);
                config.put("quarkus.flyway.username", options.postgresUser());
                config.put("quarkus.flyway.password", options.postgresPassword());
                config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
                config.put("claimflow.payer-gateway.url", sandbox.url());
                otlpEndpoint().ifPresent(url -> config.put("quarkus.otel.exporter.otlp.traces.endpoint", url));
                config.putAll(tokenConfig);
                ServiceProcess process = new ServiceProcess(service, ServiceProcess.jarOf(options.root(), service), port,
                        config, options.serviceHeap(), logs.resolve(service + ".log")).withTieredJit(options.tieredJit());
                progress.accept(service + " on " + process.url());
                startProcess(process);
            }
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Where the services export their spans (OTLP over HTTP, e.g. a local Jaeger's http://127.0.0.1:4318): set
     * -Dclaimflow.otlp.endpoint or CLAIMFLOW_OTLP_ENDPOINT. Unset (the default), spans are made but not exported.
     */
    static Optional<String> otlpEndpoint() {
        String configured = System.getProperty("claimflow.otlp.endpoint", System.getenv("CLAIMFLOW_OTLP_ENDPOINT"));
        return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(configured.trim());
    }

    private void startPostgres(java.util.function.Consumer<String> progress) {
        if (options.externalPostgresUrl() != null) {
            String base = options.externalPostgresUrl().endsWith("/") ? options.externalPostgresUrl() : options.externalPostgresUrl() + "/";
            progress.accept("PostgreSQL (external) at " + base);
            jdbcBase = base;
            for (String db : DATABASES) {
                createDatabase(base, db);
            }
            return;
        }
        progress.accept("PostgreSQL (embedded) on 127.0.0.1:" + options.postgresPort());
        postgres = Postgres.start(options.workDir().resolve("pg"), options.postgresPort(), options.cleanData());
        started.add(postgres);
        DATABASES.forEach(postgres::createDatabase);
        postgres.ensureAppRole();
        jdbcBase = "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/";
    }

    private void createDatabase(String base, String db) {
        try (Connection c = DriverManager.getConnection(base + "postgres", options.postgresUser(), options.postgresPassword());
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + db + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + db);
                }
            }
            Postgres.ensureAppRole(st);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + db + " on the external PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void createTopics() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : TOPICS) {
                for (String name : List.of(topic, topic + ".dlq")) {
                    if (!existing.contains(name)) {
                        missing.add(new NewTopic(name, options.partitions(), (short) 1));
                    }
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the topics: " + e.getMessage(), e);
        }
    }

    private void startProcess(ServiceProcess process) {
        processes.put(process.name(), process);
        started.add(process);
        // coding-service reports ready only after loading ~2.7 M code-set rows: minutes on a busy 2-core box.
        process.start(Duration.ofSeconds(300));
    }

    /**
     * Stops a service, as a crash ({@code kill -9}) or a clean shutdown (SIGTERM), and starts it again on the same
     * port and database; returns once it is ready. For the fault-injection run.
     */
    public void restartService(String name, boolean crash) {
        ServiceProcess process = processes.get(name);
        if (crash) {
            process.kill();
        } else {
            process.close();
        }
        process.start(Duration.ofSeconds(300));
    }

    /** kill -9 of the Kafka broker, then a restart on the same log directory and ports. */
    public void bounceKafka() {
        kafka.kill();
        kafka.start(Duration.ofSeconds(180));
    }

    /** A fast shutdown of the embedded PostgreSQL and a start on the same data directory and port. */
    public void restartPostgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is external: restart it yourself");
        }
        postgres.restart();
    }

    /** The key pair the services trust: mint a caller's token with it. */
    public Tokens tokens() {
        return tokens;
    }

    /**
     * What the demo runner, the fault run and the benchmark send: a practice-management system of the demo practice
     * ({@code pms-client}), as an {@code Authorization} header value renewed before it expires.
     */
    public java.util.function.Supplier<String> pmsClient() {
        return tokens.bearer(Tokens.DEMO_PRACTICE, "demo-pms", List.of("pms-client"));
    }

    public String url(String service) {
        return processes.get(service).url();
    }

    public ServiceProcess process(String name) {
        return processes.get(name);
    }

    /** The embedded PostgreSQL server, or null when an external one is used. */
    public Postgres postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public String jdbcUrl(String database) {
        return jdbcBase + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), options.postgresUser(), options.postgresPassword());
    }

    public Options options() {
        return options;
    }

    /**
     * Also stops everything on Ctrl-C or SIGTERM of this JVM: without it, a broker restarted by the fault run
     * outlived an interrupted run. {@link #close()} may run twice; the second finds nothing left to stop.
     */
    public ClaimflowSystem stopOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "claimflow-system-stop"));
        return this;
    }

    /** Stops everything it started, newest first. */
    @Override
    public synchronized void close() {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        java.util.Collections.reverse(reverse);
        for (AutoCloseable c : reverse) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        started.clear();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
