package org.claimflow.denial.persistence;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.claimflow.denial.support.RoutedDenials.route;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.denial.support.RoutedDenials;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.Postgres;
import org.claimflow.localstack.RowLevelSecurityChecks;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Row-level security (issue #8): PostgreSQL itself keeps each practice's rows apart. The service connects as
 * {@link Postgres#APP_ROLE}; every practice table has its policy; with no practice, an unknown one or another practice
 * the application role sees nothing of a practice's rows and cannot write rows of another practice; and every
 * connection of the service's pool carries the practice of whoever uses it.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class RowLevelSecurityTest {

    /** Every table of denial-service that holds a practice's rows; a new one must be added here and get a policy. */
    private static final List<String> PRACTICE_TABLES = List.of("appeal", "audit_event", "claim_adjudication", "claim_party",
            "correction_recovery", "correction_request", "denial", "denial_history", "denial_note", "idempotency_key",
            "outbox_event", "processed_event");

    private static final String A = "rls-a-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String B = "rls-b-" + UUID.randomUUID().toString().substring(0, 8);
    /** The denial of each practice that has a note and an appeal, made through the service once for the class. */
    private static Map<String, String> appealedDenials;

    @Inject
    AgroalDataSource dataSource;

    private static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    /** The tables' owner, over a connection of the test's own: sees every row. */
    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), Postgres.USER, "postgres");
    }

    @Test
    void everyPracticeTableHasItsPolicyAndTheApplicationRoleCannotBypassIt() throws SQLException {
        try (Connection c = owner()) {
            assertEquals(List.of(), RowLevelSecurityChecks.violations(c));
            assertEquals(PRACTICE_TABLES, RowLevelSecurityChecks.practiceTables(c));
        }
    }

    @Test
    void withoutAPracticeOrWithAnUnknownOneTheApplicationSeesNoRow() throws SQLException {
        seedBothPractices();
        for (String practice : new String[] {null, "", "unknown-" + UUID.randomUUID()}) {
            Map<String, Long> seen = RowLevelSecurityChecks.rowsSeenByTheApplication(jdbcUrl(), practice);
            assertEquals(PRACTICE_TABLES, List.copyOf(seen.keySet()));
            seen.forEach((table, rows) -> assertEquals(0L, rows, table + " as practice " + practice));
        }
    }

    @Test
    void withAPracticeTheApplicationSeesExactlyThatPracticesRows() throws SQLException {
        seedBothPractices();
        for (String practice : List.of(A, B)) {
            Map<String, Long> own = ownerCountsOf(practice);
            Map<String, Long> seen = RowLevelSecurityChecks.rowsSeenByTheApplication(jdbcUrl(), practice);
            assertEquals(own, seen, "rows seen as " + practice);
            // Made through the service: every table has rows of the practice, so the equality says something.
            own.forEach((table, rows) -> assertTrue(rows > 0, table + " has no row of " + practice));
        }
    }

    @Test
    void theApplicationCannotWriteOrMoveRowsIntoAnotherPractice() throws SQLException {
        seedBothPractices();
        try (Connection app = DriverManager.getConnection(jdbcUrl(), Postgres.APP_ROLE, Postgres.APP_PASSWORD)) {
            app.setAutoCommit(false);
            actAs(app, A);
            SQLException insert = assertThrows(SQLException.class, () -> execute(app, """
                    insert into processed_event (event_id, consumer, practice_id, processed_at)
                    values ('%s', 'row-level-security-test', '%s', now())""".formatted(UUID.randomUUID(), B)));
            assertEquals("42501", insert.getSQLState(), "an insert of another practice's row is refused by WITH CHECK");
            app.rollback();

            actAs(app, A);
            SQLException move = assertThrows(SQLException.class,
                    () -> execute(app, "update denial set practice_id = '%s' where practice_id = '%s'".formatted(B, A)));
            assertEquals("42501", move.getSQLState(), "moving a row to another practice is refused by WITH CHECK");
            app.rollback();

            actAs(app, A);
            assertEquals(0, execute(app, "update denial set assignee = 'intruder' where practice_id = '%s'".formatted(B)));
            assertEquals(0, execute(app, "delete from denial_note where practice_id = '%s'".formatted(B)));
            app.rollback();

            // Reference data only migrations change.
            actAs(app, A);
            SQLException policy = assertThrows(SQLException.class,
                    () -> execute(app, "update payer_appeal_policy set appeal_window_days = 1"));
            assertEquals("42501", policy.getSQLState());
            app.rollback();
        }
        // Nothing of B changed.
        given().header("Authorization", DefaultTestToken.bearerIn(B, "owner")).get("/api/v1/denials/" + appealedDenials.get(B))
                .then().statusCode(200).body("assignee", org.hamcrest.Matchers.nullValue())
                .body("notes.size()", equalTo(1));
    }

    @Test
    void everyPooledConnectionCarriesThePracticeOfItsUserAndNoOneElses() {
        assertEquals(A, PracticeScope.call(A, this::practiceOfAPooledConnection));
        // The same pooled connections, handed out again outside any scope and request: no practice at all.
        assertEquals("", practiceOfAPooledConnection());
        assertEquals("*", PracticeScope.acrossPractices(this::practiceOfAPooledConnection));
        // A nested scope gives the outer one back when it ends.
        assertEquals(B, PracticeScope.call(B, () -> {
            assertEquals(A, PracticeScope.call(A, this::practiceOfAPooledConnection));
            return practiceOfAPooledConnection();
        }));
        assertThrows(IllegalArgumentException.class, () -> PracticeScope.call("*", () -> "never"));
        assertThrows(IllegalArgumentException.class, () -> PracticeScope.call("", () -> "never"));
        assertThrows(IllegalArgumentException.class, () -> PracticeScope.call(null, () -> "never"));
    }

    @Test
    void aRequestSeesItsTokensPracticeThroughThePool() {
        seedBothPractices();
        // With no practice on the connection the policies would hide every row: a 200 means the token's practice was set.
        for (String practice : List.of(A, B)) {
            String other = practice.equals(A) ? B : A;
            String bearer = DefaultTestToken.bearerIn(practice, "reader");
            given().header("Authorization", bearer).get("/api/v1/denials/" + appealedDenials.get(practice)).then()
                    .statusCode(200).body("practiceId", equalTo(practice)).body("notes.size()", equalTo(1));
            given().header("Authorization", bearer).get("/api/v1/denials/" + appealedDenials.get(other)).then().statusCode(404);
            given().header("Authorization", bearer).queryParam("size", 200).get("/api/v1/denials").then().statusCode(200)
                    .body("total", equalTo(2)).body("items.practiceId", org.hamcrest.Matchers.everyItem(equalTo(practice)));
        }
    }

    @Test
    void anEventNamingEveryPracticeGoesToTheDeadLetterTopicAndTouchesNothing() throws SQLException {
        ClaimAdjudicatedFixture event = ClaimAdjudicatedFixture.lineDenied("CO", "50").practice("*");
        KafkaTestClient.send("claims.claim-adjudicated.v1", event.claimId(), event.json());
        KafkaTestClient.await("claims.claim-adjudicated.v1.dlq", r -> event.claimId().equals(r.key()), RoutedDenials.WAIT);
        try (Connection c = owner();
             PreparedStatement ps = c.prepareStatement("select count(*) from denial where claim_id = cast(? as uuid)")) {
            ps.setString(1, event.claimId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1));
            }
        }
    }

    private String practiceOfAPooledConnection() {
        try (Connection c = dataSource.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select current_setting('" + PracticeScope.SETTING + "', true)")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Two practices with rows in every practice table, made the real way: remittances on Kafka (denials, history,
     * adjudications, claim parties, inbox, DenialRouted in the outbox), then a denial specialist's note and appeal and a
     * biller's correction over REST (with Idempotency-Keys), then the replacement claim that recovers the corrected one.
     */
    private static synchronized void seedBothPractices() {
        if (appealedDenials != null) {
            return;
        }
        Map<String, String> denials = new LinkedHashMap<>();
        for (String practice : List.of(A, B)) {
            String specialist = DefaultTestToken.bearer(practice, "ana", "denial-specialist");
            String appealed = route(ClaimAdjudicatedFixture.lineDenied("CO", "50").practice(practice));
            create(specialist, "/api/v1/denials/" + appealed + "/notes", Map.of("text", "Records requested."), 201);
            create(specialist, "/api/v1/denials/" + appealed + "/appeals", Map.of("reason", "Medically necessary."), 201);

            ClaimAdjudicatedFixture original = ClaimAdjudicatedFixture.lineDenied("CO", "11", "M76").practice(practice);
            String corrected = route(original);
            create(specialist, "/api/v1/denials/" + corrected + "/corrections",
                    Map.of("frequencyCode", "7", "reason", "Diagnosis pointer fixed."), 202);
            ClaimAdjudicatedFixture replacement = ClaimAdjudicatedFixture.replacementOf(original)
                    .withLine("99213", "150.00", "67.00", List.of(), ClaimAdjudicatedFixture.adjustment("CO", "45", "58.00"))
                    .withLine("71046", "250.00", "180.00", List.of(), ClaimAdjudicatedFixture.adjustment("CO", "45", "70.00"));
            KafkaTestClient.send("claims.claim-adjudicated.v1", replacement.claimId(), replacement.json());
            await().atMost(RoutedDenials.WAIT).untilAsserted(() -> given().header("Authorization", specialist)
                    .get("/api/v1/denials/" + corrected).then().statusCode(200)
                    .body("history.kind", hasItem("RECOVERED_BY_CORRECTION")));
            denials.put(practice, appealed);
        }
        appealedDenials = denials;
    }

    private static void create(String bearer, String path, Map<String, ?> body, int status) {
        given().header("Authorization", bearer).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).post(path).then().statusCode(status);
    }

    private static Map<String, Long> ownerCountsOf(String practice) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = owner()) {
            for (String table : RowLevelSecurityChecks.practiceTables(c)) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where practice_id = ?")) {
                    ps.setString(1, practice);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    private static void actAs(Connection app, String practice) throws SQLException {
        try (PreparedStatement ps = app.prepareStatement("select set_config('" + PracticeScope.SETTING + "', ?, true)")) {
            ps.setString(1, practice);
            ps.execute();
        }
    }

    private static int execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }
}
