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
    /**
     * The role the services connect as at run time: it owns nothing, is no superuser and cannot bypass row-level
     * security, so PostgreSQL itself keeps each practice's rows apart (issue #8). The tables belong to {@link #USER},
     * which runs the migrations (Flyway) and grants this role what it needs. Loopback only: a local password is fine.
     */
    public static final String APP_ROLE = "claimflow_app";
    public static final String APP_PASSWORD = "claimflow_app";

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

    /**
     * Creates {@link #APP_ROLE} if it does not exist (roles belong to the server, not to one database). In production
     * the platform creates it (CloudNativePG managed roles, deploy/k8s); the services' migrations only grant to it.
     */
    public static void ensureAppRole(Statement st) throws SQLException {
        st.execute("""
                do $$ begin
                  if not exists (select 1 from pg_roles where rolname = '%s') then
                    create role %s login password '%s' nosuperuser nocreatedb nocreaterole nobypassrls noinherit;
                  end if;
                end $$""".formatted(APP_ROLE, APP_ROLE, APP_PASSWORD));
    }

    /** Creates {@link #APP_ROLE} on this server if it does not exist yet. */
    public Postgres ensureAppRole() {
        try (Connection c = server.getPostgresDatabase().getConnection();
             Statement st = c.createStatement()) {
            ensureAppRole(st);
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application role: " + e.getMessage(), e);
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
