package org.claimflow.localstack;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource that points a service at a real PostgreSQL database and a real Kafka broker,
 * both started by {@link TestInfrastructure}. Init arg {@code database} names the service's database.
 * <p>
 * It also makes the service verify bearer tokens against this test JVM's key pair ({@link Tokens#forThisJvm()}) and
 * makes RestAssured send a token of the demo practice with every role ({@link DefaultTestToken}), so a test acts as an
 * authenticated caller unless it says otherwise.
 */
public class ClaimflowTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        infra.postgres().createDatabase(database).ensureAppRole();
        // As in production: the migrations run as the tables' owner, the service connects as the application role
        // that row-level security applies to.
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database),
                "quarkus.datasource.username", Postgres.APP_ROLE,
                "quarkus.datasource.password", Postgres.APP_PASSWORD,
                "quarkus.flyway.username", Postgres.USER,
                "quarkus.flyway.password", "postgres",
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers()));
        Tokens tokens = Tokens.forThisJvm();
        config.putAll(tokens.serviceConfig(Tokens.testPublicKey()));
        DefaultTestToken.install();
        return config;
    }

    @Override
    public void inject(Object testInstance) {
        // Again per test instance: harmless when installed, and covers a RestAssured reset between test classes. A test
        // that switched the default token to a practice of its own does not pass that on to the next.
        DefaultTestToken.install();
        DefaultTestToken.reset();
    }

    @Override
    public void stop() {
        // The infrastructure lives for the whole test JVM; a shutdown hook stops it.
    }
}
