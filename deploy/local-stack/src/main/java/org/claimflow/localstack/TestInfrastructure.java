package org.claimflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One PostgreSQL server and one Kafka broker per test JVM, started on free loopback ports the first time a
 * test asks for them and stopped when the JVM exits. Shared by every Quarkus application restart in the
 * same module, so a module pays the start-up cost once.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final Postgres postgres;
    private final KafkaBroker kafka;

    private TestInfrastructure(Postgres postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            Path dir = workDir();
            Postgres pg = Postgres.start(dir.resolve("pg"), Ports.free(), true);
            KafkaBroker broker = new KafkaBroker(dir.resolve("kafka"), Ports.free(), Ports.free(), 3, "512m")
                    .start(Duration.ofSeconds(180));
            instance = new TestInfrastructure(pg, broker);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.close();
                pg.close();
            }, "claimflow-test-infra-stop"));
        }
        return instance;
    }

    public Postgres postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    private static Path workDir() {
        try {
            Path target = Path.of("target");
            Path base = Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"));
            return Files.createTempDirectory(base.toAbsolutePath(), "claimflow-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
