package org.claimflow.eligibility.persistence;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.eligibility.support.ClaimAssembledFixture;
import org.claimflow.eligibility.support.EligibilityCheckFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.Postgres;
import org.claimflow.localstack.RowLevelSecurityChecks;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.claimflow.localstack.TestInfrastructure;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Row-level security (issue #8): PostgreSQL itself, not only the service's code, keeps each practice's rows apart.
 * The service's role sees a practice's rows only in a transaction of that practice; the pool interceptor sets it
 * from the request's token, the consumer's event or the batch item's batch.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "eligibility"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class RowLevelSecurityTest {

    private static final String DATABASE = "eligibility";
    private static final String CHECKED_TOPIC = "claims.eligibility-checked.v1";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String A = "rls-a-" + SUFFIX;
    private static final String B = "rls-b-" + SUFFIX;
    /** Every table that holds a practice's rows; a new one must be added here, with its policy. */
    private static final List<String> PRACTICE_TABLES = List.of("audit_event", "eligibility_batch", "eligibility_batch_item",
            "eligibility_check", "idempotency_key", "outbox_event", "processed_event");

    @Inject
    AgroalDataSource dataSource;

    private static Connection owner() throws SQLException {
        return TestInfrastructure.get().postgres().connect(DATABASE);
    }

    private static String jdbcUrl() {
        return TestInfrastructure.get().postgres().jdbcUrl(DATABASE);
    }

    @Test
    void everyPracticeTableHasItsForcedPolicyAndTheServiceRoleCannotBypassIt() throws Exception {
        try (Connection c = owner()) {
            assertEquals(List.of(), RowLevelSecurityChecks.violations(c));
            assertEquals(PRACTICE_TABLES, RowLevelSecurityChecks.practiceTables(c));
        }
        try (Connection app = DriverManager.getConnection(jdbcUrl(), Postgres.APP_ROLE, Postgres.APP_PASSWORD);
             Statement st = app.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> st.execute("alter table eligibility_check disable row level security"));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
        }
    }

    @Test
    void theServiceRoleSeesOnlyTheRowsOfItsTransactionsPractice() throws Exception {
        Map<String, String> checks = new LinkedHashMap<>();
        for (String practice : List.of(A, B)) {
            checks.put(practice, fillEveryTable(practice));
        }

        assertTrue(RowLevelSecurityChecks.rowsSeenByTheApplication(jdbcUrl(), null).values().stream().allMatch(n -> n == 0),
                "no practice set: nothing visible");
        assertTrue(RowLevelSecurityChecks.rowsSeenByTheApplication(jdbcUrl(), "rls-unknown-" + SUFFIX).values().stream()
                .allMatch(n -> n == 0), "an unknown practice: nothing visible");
        Map<String, Long> seenByA = RowLevelSecurityChecks.rowsSeenByTheApplication(jdbcUrl(), A);
        Map<String, Long> ownedByA = rowsOf(A);
        assertEquals(ownedByA, seenByA, "practice A sees exactly its own rows");
        ownedByA.forEach((table, rows) -> assertTrue(rows > 0, table + " has rows of practice A"));
        rowsOf(B).forEach((table, rows) -> assertTrue(rows > 0, table + " has rows of practice B (hidden from A)"));

        // Over REST (the pool interceptor, from the token): A's own check is there, B's is not.
        String bearerA = DefaultTestToken.bearerIn(A, "rls-user");
        given().header("Authorization", bearerA).get("/api/v1/eligibility/checks/" + checks.get(A)).then().statusCode(200);
        given().header("Authorization", bearerA).get("/api/v1/eligibility/checks/" + checks.get(B)).then().statusCode(404);
        given().header("Authorization", bearerA).queryParam("size", 200).get("/api/v1/eligibility/checks").then()
                .statusCode(200).body("items.id", hasItem(checks.get(A))).body("items.id", not(hasItem(checks.get(B))));
    }

    @Test
    void aRowOfAnotherPracticeCannotBeWritten() throws Exception {
        try (Connection app = DriverManager.getConnection(jdbcUrl(), Postgres.APP_ROLE, Postgres.APP_PASSWORD)) {
            app.setAutoCommit(false);
            try (PreparedStatement ps = app.prepareStatement("select set_config('" + RowLevelSecurityChecks.SETTING + "', ?, true)")) {
                ps.setString(1, A);
                ps.execute();
            }
            try (PreparedStatement ps = app.prepareStatement("""
                    insert into processed_event (event_id, consumer, practice_id, processed_at) values (?, 'rls-test', ?, now())""")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, B);
                SQLException refused = assertThrows(SQLException.class, ps::executeUpdate);
                assertEquals("42501", refused.getSQLState(), refused.getMessage());
            }
            app.rollback();
        }
    }

    @Test
    void thePoolSetsThePracticeOfEachUseAndNeverLeavesItBehind() throws Exception {
        assertTrue(dataSource.getPoolInterceptors().stream().anyMatch(PracticeScope.class::isInstance),
                "PracticeScope intercepts the default datasource's pool");
        fillEveryTable(A);
        long ownedByA = rowsOf(A).get("eligibility_check");
        assertEquals(ownedByA, PracticeScope.call(A, this::checksVisibleThroughThePool));
        // The same pool afterwards, outside any scope and without a token: the practice of the last use is gone.
        assertEquals(0, checksVisibleThroughThePool());
        assertTrue(PracticeScope.acrossPractices(this::checksVisibleThroughThePool) >= ownedByA);
        assertThrows(IllegalArgumentException.class, () -> PracticeScope.run("*", () -> { }));
        assertThrows(IllegalArgumentException.class, () -> PracticeScope.run(null, () -> { }));
    }

    private long checksVisibleThroughThePool() {
        try (Connection c = dataSource.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from eligibility_check")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Through the service's own API, batch worker and consumer, one row at least in every practice table: a real-time
     * check with an Idempotency-Key, a batch of one appointment worked off by the worker, and a claim's check from
     * claim-assembled (processed event, outbox). Returns the real-time check's id.
     */
    private static String fillEveryTable(String practice) {
        String bearer = DefaultTestToken.bearerIn(practice, "rls-front-desk");
        String check = given().header("Authorization", bearer).header("Idempotency-Key", "rls-" + UUID.randomUUID())
                .contentType(ContentType.JSON).body(EligibilityCheckFixture.ada().with("practiceId", practice).build())
                .post("/api/v1/eligibility/checks").then().statusCode(201).extract().path("id");

        Map<String, Object> item = new LinkedHashMap<>(EligibilityCheckFixture.grace().build());
        item.remove("practiceId");
        item.remove("providerNpi");
        item.put("reference", "rls-appt");
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("practiceId", practice);
        batch.put("providerNpi", EligibilityCheckFixture.PROVIDER_NPI);
        batch.put("items", new ArrayList<>(List.of(item)));
        String location = given().header("Authorization", bearer).contentType(ContentType.JSON).body(batch)
                .post("/api/v1/eligibility/batches").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                .header("Authorization", bearer).get(location).then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("counts.done", equalTo(1)));

        ClaimAssembledFixture claim = ClaimAssembledFixture.officeVisitForAda().practice(practice);
        KafkaTestClient.send("claims.claim-assembled.v1", claim.claimId(), claim.json());
        KafkaTestClient.await(CHECKED_TOPIC, r -> claim.claimId().equals(r.key()), Duration.ofSeconds(30));
        return check;
    }

    /** The rows of {@code practice} per practice table, as the tables' owner counts them. */
    private static Map<String, Long> rowsOf(String practice) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = owner()) {
            for (String table : RowLevelSecurityChecks.practiceTables(c)) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where practice_id = ?")) {
                    ps.setString(1, practice);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rows.put(table, rs.getLong(1));
                    }
                }
            }
        }
        return rows;
    }
}
