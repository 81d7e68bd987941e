package org.claimflow.localstack;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * What every service's audit-trail tests check, in one place (test infrastructure, like {@link AuthChecks} and
 * {@link RowLevelSecurityChecks}): the trail of PHI access of issue #8.
 * <p>
 * The convention every service follows: a table {@value #TABLE} (the same columns in each service), under row-level
 * security like every practice table; {@link Postgres#APP_ROLE} may only read and insert its rows, and a trigger
 * refuses update, delete and truncate to everyone, the owner included, with a message that says "append-only". Every
 * JAX-RS resource method is annotated as audited or as not audited, with a reason.
 */
public final class AuditTrailChecks {

    /** The audit table of every service. */
    public static final String TABLE = "audit_event";

    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /** The service's own endpoints: a REST client interface (another system's API) is none of them. */
    private static final DescribedPredicate<JavaMethod> RESOURCE_METHODS =
            new DescribedPredicate<>("are JAX-RS resource methods of a class (not of a REST client interface)") {
                @Override
                public boolean test(JavaMethod method) {
                    return !method.getOwner().isInterface()
                            && HTTP_METHODS.stream().anyMatch(verb -> method.isAnnotatedWith("jakarta.ws.rs." + verb));
                }
            };

    private AuditTrailChecks() {
    }

    /**
     * Every resource method carries exactly one of {@code audited} and {@code notAudited}, and a {@code notAudited}
     * gives its {@code reason}. A rule that finds no resource method fails (it would pass over nothing).
     */
    public static ArchRule everyResourceMethodIsAuditedOrSaysWhyNot(Class<? extends Annotation> audited,
                                                                     Class<? extends Annotation> notAudited) {
        String both = "@" + audited.getSimpleName() + " and @" + notAudited.getSimpleName();
        return methods().that(RESOURCE_METHODS)
                .should(new ArchCondition<JavaMethod>("be annotated with exactly one of " + both + " (with a reason)") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean isAudited = method.isAnnotatedWith(audited);
                        boolean isNot = method.isAnnotatedWith(notAudited);
                        String problem = null;
                        if (isAudited == isNot) {
                            problem = isAudited ? " is both " + both : " is neither " + both.replace(" and ", " nor ");
                        } else if (isNot && method.getAnnotationOfType(notAudited.getName()).get("reason")
                                .map(Object::toString).filter(r -> !r.isBlank()).isEmpty()) {
                            problem = " is @" + notAudited.getSimpleName() + " without a reason";
                        }
                        events.add(new SimpleConditionEvent(method, problem == null,
                                method.getFullName() + (problem == null ? " decides whether it is audited" : problem)));
                    }
                })
                .allowEmptyShould(false);
    }

    /**
     * What one audited response must have left in its row: who called (practice, user, roles comma-separated and
     * sorted), which response ({@code X-Request-Id}, status), what it did to which object, and whom it was about
     * (null where nothing is expected).
     */
    public record ExpectedRow(String practice, String actor, String roles, String requestId, int status, String action,
                              String endpoint, String objectType, String objectId, String claimId, String patientRef) {
    }

    /** The outcome every service records for an HTTP status. */
    public static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "SUCCESS";
        }
        return switch (status) {
            case 403 -> "DENIED";
            case 404 -> "NOT_FOUND";
            default -> status >= 500 ? "FAILED" : "REJECTED";
        };
    }

    /** How {@code row} (columns by name, as {@link #rowsByRequestId} reads it; null: none) differs from {@code e}. */
    public static List<String> rowViolations(ExpectedRow e, Map<String, Object> row) {
        String what = e.endpoint() + " " + e.status() + " (request " + e.requestId() + ")";
        if (row == null) {
            return List.of(what + ": no audit row");
        }
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("practice_id", e.practice());
        expected.put("actor", e.actor());
        expected.put("roles", e.roles());
        expected.put("request_id", e.requestId());
        expected.put("status", String.valueOf(e.status()));
        expected.put("outcome", outcome(e.status()));
        expected.put("action", e.action());
        expected.put("endpoint", e.endpoint());
        expected.put("object_type", e.objectType());
        expected.put("object_id", e.objectId());
        expected.put("claim_id", e.claimId());
        expected.put("patient_ref", e.patientRef());
        List<String> problems = new ArrayList<>();
        expected.forEach((column, value) -> {
            Object actual = row.get(column);
            String text = actual == null ? null : actual.toString();
            if (!Objects.equals(value, text)) {
                problems.add(what + ": " + column + " is " + text + ", expected " + value);
            }
        });
        if (row.get("occurred_at") == null) {
            problems.add(what + ": no occurred_at");
        }
        return problems;
    }

    /** The ids of the practice's audit rows, read as the owner (connected as a superuser, which RLS does not limit). */
    public static Set<String> rowIds(Connection owner, String practice) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement ps = owner.prepareStatement("select id from " + TABLE + " where practice_id = ?")) {
            ps.setString(1, practice);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * The practice's audit rows but those in {@code except}, each as its columns by name, by request id. Throws when
     * two rows share a request id: every audited response is one row.
     */
    public static Map<String, Map<String, Object>> rowsByRequestId(Connection owner, String practice, Set<String> except)
            throws SQLException {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = owner.prepareStatement("select * from " + TABLE + " where practice_id = ? order by occurred_at")) {
            ps.setString(1, practice);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    if (except.contains(rs.getString("id"))) {
                        continue;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i), rs.getObject(i));
                    }
                    if (rows.put(rs.getString("request_id"), row) != null) {
                        throw new IllegalStateException("two audit rows for request " + rs.getString("request_id"));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * What is wrong with the table's append-only guarantee (empty when all is well): the application role's privileges
     * are other than SELECT and INSERT; it cannot insert a row of {@code practice}, or may insert one of another
     * practice, or update, delete or truncate; the owner may update, delete or truncate without the trigger refusing.
     * Needs a row of {@code practice} to try the changes on. Changes nothing: every attempt is rolled back.
     */
    public static List<String> appendOnlyViolations(String jdbcUrl, Connection owner, String practice) throws SQLException {
        List<String> problems = new ArrayList<>();
        Set<String> privileges = new TreeSet<>();
        for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")) {
            try (PreparedStatement ps = owner.prepareStatement("select has_table_privilege(?, ?, ?)")) {
                ps.setString(1, Postgres.APP_ROLE);
                ps.setString(2, "public." + TABLE);
                ps.setString(3, privilege);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        privileges.add(privilege);
                    }
                }
            }
        }
        if (!privileges.equals(Set.of("INSERT", "SELECT"))) {
            problems.add(Postgres.APP_ROLE + " has " + privileges + " on " + TABLE + ", not exactly INSERT and SELECT");
        }
        if (rowIds(owner, practice).isEmpty()) {
            problems.add("no audit row of practice " + practice + " to try the changes on");
        }
        List<String> changes = List.of("update " + TABLE + " set actor = 'someone-else'", "delete from " + TABLE,
                "truncate " + TABLE);
        try (Connection app = DriverManager.getConnection(jdbcUrl, Postgres.APP_ROLE, Postgres.APP_PASSWORD)) {
            app.setAutoCommit(false);
            actFor(app, practice);
            if (insert(app, practice) != null) {
                problems.add(Postgres.APP_ROLE + " may not insert an audit row of its practice");
            }
            app.rollback();
            actFor(app, practice);
            if (!"42501".equals(insert(app, "another-" + UUID.randomUUID()))) {
                problems.add(Postgres.APP_ROLE + " may insert an audit row of another practice");
            }
            app.rollback();
            for (String change : changes) {
                actFor(app, practice);
                String refused = refusal(app, change);
                if (!"42501".equals(refused)) {
                    problems.add(Postgres.APP_ROLE + ": " + change + " was not refused for lack of privilege (" + refused + ")");
                }
                app.rollback();
            }
        }
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try {
            for (String change : changes) {
                // Acting for the practice, so a non-superuser owner (under forced RLS) sees the rows too.
                actFor(owner, practice);
                try (Statement st = owner.createStatement()) {
                    st.execute(change);
                    problems.add("the owner: " + change + " was not refused");
                } catch (SQLException e) {
                    if (e.getMessage() == null || !e.getMessage().contains("append-only")) {
                        problems.add("the owner: " + change + " failed otherwise than by the append-only trigger (" + e.getSQLState() + ")");
                    }
                }
                owner.rollback();
            }
        } finally {
            owner.rollback();
            owner.setAutoCommit(autoCommit);
        }
        return problems;
    }

    /**
     * Which of the identifiers ({@code kinds}: each identifier and what kind it is, e.g. a canary patient's name)
     * appear in any column of any audit row; a finding names the row and the kind, never the identifier.
     */
    public static List<String> patientDataInRows(Connection owner, Map<String, String> kinds) throws SQLException {
        List<String> findings = new ArrayList<>();
        int rows = 0;
        try (Statement st = owner.createStatement();
             ResultSet rs = st.executeQuery("select a.id, row_to_json(a)::text from " + TABLE + " a")) {
            while (rs.next()) {
                rows++;
                String id = rs.getString(1);
                String row = rs.getString(2);
                for (Map.Entry<String, String> identifier : kinds.entrySet()) {
                    if (row.contains(identifier.getKey())) {
                        findings.add("audit row " + id + " holds a " + identifier.getValue());
                    }
                }
            }
        }
        if (rows == 0) {
            findings.add("no audit row at all to look into");
        }
        return findings;
    }

    private static void actFor(Connection c, String practice) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('" + RowLevelSecurityChecks.SETTING + "', ?, true)")) {
            ps.setString(1, practice);
            ps.execute();
        }
    }

    /** Inserts a row of {@code practice}: null when it was written, else the SQL state that refused it. */
    private static String insert(Connection c, String practice) {
        try (PreparedStatement ps = c.prepareStatement("insert into " + TABLE
                + " (id, occurred_at, practice_id, actor, action, endpoint, object_type, outcome, status)"
                + " values (?, now(), ?, 'audit-check', 'READ', 'GET /audit-check', 'audit-check', 'SUCCESS', 200)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, practice);
            ps.executeUpdate();
            return null;
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }

    /** Runs {@code sql}: the SQL state that refused it, or "not refused". */
    private static String refusal(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return "not refused";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }
}
