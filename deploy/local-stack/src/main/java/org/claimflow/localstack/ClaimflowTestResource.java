package org.claimflow.localstack;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource that points a service at a real PostgreSQL database and a real Kafka broker,
 * both started by {@link TestInfrastructure}. Init arg {@code database} names the service's database.
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
        infra.postgres().createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database),
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // The infrastructure lives for the whole test JVM; a shutdown hook stops it.
    }
}
