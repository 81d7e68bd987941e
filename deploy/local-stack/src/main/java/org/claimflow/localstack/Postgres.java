package org.claimflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's embedded binaries, PostgreSQL 17) started in a data directory of our
 * choosing. Each service gets its own database in it, as it would get its own database in production.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path dataDir;
    private final boolean deleteOnClose;
    private EmbeddedPostgres server;

    private Postgres(Path dataDir, boolean deleteOnClose, EmbeddedPostgres server) {
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.server = server;
    }

    /**
     * @param clean start from an empty data directory and delete it again on {@link #close()}; otherwise keep
     *              whatever the directory holds (zonky's own clean flag would also delete the directory on a
     *              mere restart, so the deleting is done here)
     */
    public static Postgres start(Path dataDir, int port, boolean clean) {
        if (clean) {
            deleteQuietly(dataDir);
        }
        return new Postgres(dataDir, clean, launch(dataDir, port));
    }

    private static EmbeddedPostgres launch(Path dataDir, int port) {
        try {
            return EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("fsync", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The postmaster's process id (first line of postmaster.pid), when the server runs. */
    public java.util.OptionalLong pid() {
        try {
            String first = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
            return java.util.OptionalLong.of(Long.parseLong(first));
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** A fast shutdown and a start on the same data directory and port, as a database restart in production. */
    public synchronized void restart() {
        int port = port();
        stopServer();
        server = launch(dataDir, port);
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database if it does not exist yet (idempotent, so a kept data directory restarts cleanly). */
    public Postgres createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad database name: " + name);
        }
        try (Connection c = server.getPostgresDatabase().getConnection();
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return this;
                }
            }
            st.execute("create database " + name);
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    public Connection connect(String database) throws SQLException {
        return server.getDatabase(USER, database).getConnection();
    }

    @Override
    public synchronized void close() {
        stopServer();
        if (deleteOnClose) {
            deleteQuietly(dataDir);
        }
    }

    private void stopServer() {
        try {
            server.close();
        } catch (IOException e) {
            throw new IllegalStateException("Could not stop embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            ClaimflowSystem.deleteTree(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Could not clear the PostgreSQL data directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
