package org.claimflow.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every service's row-level security tests check, in one place (test infrastructure, like {@link AuthChecks}):
 * that PostgreSQL, not only the service's code, keeps each practice's rows apart (issue #8).
 * <p>
 * The convention every service follows: a table with a {@code practice_id} column has row-level security enabled
 * and forced, and a policy that admits a row only when {@code practice_id} equals the transaction's
 * {@code claimflow.practice} setting (or the setting is {@code *}, which only the services' named cross-practice
 * jobs set). The service connects as {@link Postgres#APP_ROLE}, which owns no table and cannot bypass the policies.
 */
public final class RowLevelSecurityChecks {

    /** The setting that names the practice a transaction acts for. */
    public static final String SETTING = "claimflow.practice";

    private RowLevelSecurityChecks() {
    }

    /** Every table of the public schema with a {@code practice_id} column. */
    public static List<String> practiceTables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select c.table_name from information_schema.columns c
                     join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                     where c.table_schema = 'public' and c.column_name = 'practice_id' and t.table_type = 'BASE TABLE'
                     order by c.table_name""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /**
     * What is wrong with the database's isolation, read from the catalog with any connection (empty when all is
     * well): a practice table without RLS enabled, not forced, or without a policy; an application role that owns a
     * table, is a superuser or may bypass RLS.
     */
    public static List<String> violations(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select rolsuper, rolbypassrls from pg_roles where rolname = ?""")) {
            ps.setString(1, Postgres.APP_ROLE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    problems.add("role " + Postgres.APP_ROLE + " does not exist");
                } else {
                    if (rs.getBoolean(1)) {
                        problems.add(Postgres.APP_ROLE + " is a superuser");
                    }
                    if (rs.getBoolean(2)) {
                        problems.add(Postgres.APP_ROLE + " may bypass row-level security");
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and pg_get_userbyid(c.relowner) = ?""")) {
            ps.setString(1, Postgres.APP_ROLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    problems.add(Postgres.APP_ROLE + " owns table " + rs.getString(1));
                }
            }
        }
        for (String table : practiceTables(c)) {
            try (PreparedStatement ps = c.prepareStatement("""
                    select c.relrowsecurity, c.relforcerowsecurity,
                           (select count(*) from pg_policy p where p.polrelid = c.oid)
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relname = ?""")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        problems.add(table + ": row-level security not enabled");
                    }
                    if (!rs.getBoolean(2)) {
                        problems.add(table + ": row-level security not forced");
                    }
                    if (rs.getLong(3) == 0) {
                        problems.add(table + ": no policy");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * How many rows of each practice table the application role sees, connected to {@code jdbcUrl} on its own, with
     * {@code practice} as the transaction's practice ({@code null}: none set).
     */
    public static Map<String, Long> rowsSeenByTheApplication(String jdbcUrl, String practice) throws SQLException {
        Map<String, Long> seen = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, Postgres.APP_ROLE, Postgres.APP_PASSWORD)) {
            c.setAutoCommit(false);
            if (practice != null) {
                try (PreparedStatement ps = c.prepareStatement("select set_config('" + SETTING + "', ?, true)")) {
                    ps.setString(1, practice);
                    ps.execute();
                }
            }
            for (String table : practiceTables(c)) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    seen.put(table, rs.getLong(1));
                }
            }
            c.rollback();
        }
        return seen;
    }

    /** The same count as the tables' owner sees it (all practices), over a connection of the test's own. */
    public static Map<String, Long> rowsPerTable(Connection owner) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : practiceTables(owner)) {
            try (Statement st = owner.createStatement();
                 ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                rs.next();
                rows.put(table, rs.getLong(1));
            }
        }
        return rows;
    }
}
