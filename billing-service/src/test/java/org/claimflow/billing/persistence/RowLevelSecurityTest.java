package org.claimflow.billing.persistence;

import static io.restassured.RestAssured.given;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.claimflow.billing.support.ClaimApi.awaitStatus;
import static org.claimflow.billing.support.ClaimApi.claim;
import static org.claimflow.billing.support.RemittanceFixture.adjustment;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.billing.support.EligibilityCheckedFixture;
import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.billing.support.RemittanceFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.Postgres;
import org.claimflow.localstack.RowLevelSecurityChecks;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.claimflow.localstack.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Row-level security (issue #8): PostgreSQL itself keeps the practices apart. Two practices' data is made through the
 * service's own entry points (consumed events, the submission job and inbound poller, an 835 uploaded over the API);
 * then the application role sees nothing without a practice, and exactly one practice's rows with it.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowLevelSecurityTest {

    private static final String EDI_X12 = "application/edi-x12";
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Every table that holds a practice's rows; a new one without practice_id would be missing here and fail. */
    private static final List<String> PRACTICE_TABLES = List.of("audit_event", "charge_master", "claim", "claim_correction", "claim_event",
            "claim_line", "claim_payment", "claim_scrub_finding", "idempotency_key", "line_adjustment", "outbox_event",
            "patient_account", "patient_ledger", "processed_event", "provider_adjustment", "provider_registry", "remittance",
            "submission", "unmatched_remittance");
    /** What one practice's ordinary work leaves in the tables; each must hold some of its rows. */
    private static final List<String> MAIN_TABLES = List.of("audit_event", "claim", "claim_line", "claim_event", "claim_payment",
            "line_adjustment", "claim_scrub_finding", "submission", "remittance", "unmatched_remittance", "provider_adjustment",
            "patient_account", "patient_ledger", "idempotency_key", "outbox_event", "processed_event");

    @Inject
    AgroalDataSource dataSource;

    private final String practiceA = "rls-a-" + UUID.randomUUID().toString().substring(0, 8);
    private final String practiceB = "rls-b-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Made> made = new LinkedHashMap<>();

    /** What was made for one practice: a claim paid through the pipeline, one paid by an upload, that upload. */
    private record Made(String pipelineClaimId, String uploadedClaimId, String uploadedPcn, String remittanceId) {
    }

    /**
     * Made once, by the first test that needs it (not in a @BeforeAll: RestAssured learns the test port only before
     * each test).
     */
    private synchronized Map<String, Made> made() {
        if (made.isEmpty()) {
            makeDataForTwoPractices();
        }
        return made;
    }

    private void makeDataForTwoPractices() {
        Map<String, String[]> pipeline = new LinkedHashMap<>();
        for (String practice : List.of(practiceA, practiceB)) {
            DefaultTestToken.actIn(practice);
            // Assembled, released, submitted (837P), acknowledged and paid by the sandbox payer's 835 (inbound poller).
            EncounterCodedFixture paid = EncounterCodedFixture.officeVisitForAda().practice(practice);
            KafkaTestClient.send("claims.encounter-coded.v1", paid.encounterId(), paid.envelope());
            String paidId = awaitClaimOf(paid.encounterId());
            KafkaTestClient.send("claims.eligibility-checked.v1", paidId,
                    EligibilityCheckedFixture.eligible(paidId, paid.encounterId()).practice(practice).envelope());
            // Held by the scrubber (a PO box as billing address): findings.
            Map<String, Object> poBox = new LinkedHashMap<>(Map.of("line1", "PO Box 4410", "city", "Springfield", "state", "IL",
                    "postalCode", "627011234"));
            poBox.put("line2", null);
            EncounterCodedFixture held = EncounterCodedFixture.officeVisitForAda().practice(practice)
                    .withNested("billingProvider", "address", poBox);
            KafkaTestClient.send("claims.encounter-coded.v1", held.encounterId(), held.envelope());
            String heldId = awaitClaimOf(held.encounterId());
            KafkaTestClient.send("claims.eligibility-checked.v1", heldId,
                    EligibilityCheckedFixture.eligible(heldId, held.encounterId()).practice(practice).envelope());
            // Assembled only: paid below by an 835 the practice's biller uploads.
            EncounterCodedFixture uploaded = EncounterCodedFixture.officeVisitForAda().practice(practice);
            KafkaTestClient.send("claims.encounter-coded.v1", uploaded.encounterId(), uploaded.envelope());
            pipeline.put(practice, new String[] {paidId, heldId, awaitClaimOf(uploaded.encounterId())});
        }
        for (String practice : List.of(practiceA, practiceB)) {
            DefaultTestToken.actIn(practice);
            String[] ids = pipeline.get(practice);
            awaitStatus(ids[0], "PAID", WAIT);
            awaitStatus(ids[1], "SCRUB_HOLD", WAIT);
            String pcn = claim(ids[2]).getString("patientControlNumber");
            String x12 = RemittanceFixture.payment()
                    .claim(pcn).line(pcn + "-1", "99213", "150.00", "92.00", adjustment("CO", "45", "58.00"),
                            adjustment("PR", "3", "25.00")).done()
                    .claim("CFNOSUCH" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase())
                    .line(null, "99213", "150.00", "92.00", adjustment("CO", "45", "58.00")).done()
                    .providerAdjustment("WO", "SBX" + UUID.randomUUID().toString().substring(0, 8), "5.00")
                    .build();
            String remittanceId = given().contentType(EDI_X12).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(x12.getBytes(StandardCharsets.UTF_8)).post("/api/v1/remittances").then().statusCode(201)
                    .body("claimsPosted", equalTo(1)).body("unmatched", equalTo(1)).extract().path("remittanceId");
            made.put(practice, new Made(ids[0], ids[2], pcn, remittanceId));
        }
        DefaultTestToken.reset();
    }

    private static Connection owner() throws SQLException {
        return TestInfrastructure.get().postgres().connect("billing");
    }

    private static String jdbcUrl() {
        return TestInfrastructure.get().postgres().jdbcUrl("billing");
    }

    /** A connection of the application role of its own, outside the service's pool, acting for {@code practice}. */
    private static Connection application(String practice) throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl(), Postgres.APP_ROLE, Postgres.APP_PASSWORD);
        try (PreparedStatement ps = c.prepareStatement("select set_config('claimflow.practice', ?, false)")) {
            ps.setString(1, practice);
            ps.execute();
        }
        return c;
    }

    private static Map<String, Long> ownersCountOf(String practice) throws SQLException {
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

    @Test
    void everyPracticeTableIsForcedUnderAPolicyAndTheApplicationRoleCannotBypassIt() throws SQLException {
        try (Connection c = owner()) {
            assertEquals(List.of(), RowLevelSecurityChecks.violations(c));
            assertEquals(PRACTICE_TABLES, RowLevelSecurityChecks.practiceTables(c));
        }
    }

    @Test
    void withoutAPracticeOrWithAnUnknownOneTheApplicationSeesNoRow() throws SQLException {
        made();
        for (String practice : new String[] {null, "", "no-such-practice", "%"}) {
            Map<String, Long> seen = RowLevelSecurityChecks.rowsSeenByTheApplication(jdbcUrl(), practice);
            assertEquals(PRACTICE_TABLES, List.copyOf(seen.keySet()));
            seen.forEach((table, rows) -> assertEquals(0L, rows, table + " as practice " + practice));
        }
    }

    @Test
    void withAPracticeTheApplicationSeesExactlyThatPracticesRows() throws SQLException {
        made();
        for (String practice : List.of(practiceA, practiceB, "demo-practice")) {
            // Retried: the jobs may still be moving an earlier test's demo-practice claims between the two counts.
            await().atMost(WAIT).untilAsserted(() -> assertEquals(ownersCountOf(practice),
                    RowLevelSecurityChecks.rowsSeenByTheApplication(jdbcUrl(), practice), practice));
        }
        Map<String, Long> a = RowLevelSecurityChecks.rowsSeenByTheApplication(jdbcUrl(), practiceA);
        for (String table : MAIN_TABLES) {
            assertTrue(a.get(table) > 0, table + " holds rows of practice A");
        }
        // The reference tables are seeded for the demo practice only.
        Map<String, Long> demo = RowLevelSecurityChecks.rowsSeenByTheApplication(jdbcUrl(), "demo-practice");
        assertTrue(demo.get("charge_master") > 0 && demo.get("provider_registry") > 0);
    }

    @Test
    void theApplicationCannotWriteARowForAnotherPractice() throws SQLException {
        String claimOfB = made().get(practiceB).uploadedClaimId();
        try (Connection c = application(practiceA)) {
            SQLException insert = assertThrows(SQLException.class, () -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into patient_account (id, practice_id, payer_id, member_id, first_name, last_name, date_of_birth, created_at)
                        values (gen_random_uuid(), ?, 'SANDBOX-PPO', 'M000000001', 'Test', 'Patient', date '1980-01-01', now())""")) {
                    ps.setString(1, practiceB);
                    ps.executeUpdate();
                }
            });
            assertEquals("42501", insert.getSQLState(), "new row violates row-level security policy");
            // Moving one of A's rows to B is refused the same way.
            SQLException move = assertThrows(SQLException.class, () -> {
                try (PreparedStatement ps = c.prepareStatement("update claim set practice_id = ? where id = ?")) {
                    ps.setString(1, practiceB);
                    ps.setObject(2, UUID.fromString(made().get(practiceA).uploadedClaimId()));
                    ps.executeUpdate();
                }
            });
            assertEquals("42501", move.getSQLState());
            // A child row takes its parent's practice: a history line for B's claim, which A cannot see, has none.
            SQLException child = assertThrows(SQLException.class, () -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into claim_event (claim_id, occurred_at, kind, detail) values (?, now(), 'NOTE', 'x')""")) {
                    ps.setObject(1, UUID.fromString(claimOfB));
                    ps.executeUpdate();
                }
            });
            // (The trigger found no visible claim, so practice_id is null, which the policy's check refuses first.)
            assertEquals("42501", child.getSQLState(), "a history line for a claim the practice cannot see");
            // ...and B's claim is not there to be changed at all.
            try (PreparedStatement ps = c.prepareStatement("update claim set status = 'VOIDED' where id = ?")) {
                ps.setObject(1, UUID.fromString(claimOfB));
                assertEquals(0, ps.executeUpdate());
            }
        }
    }

    @Test
    void thePoolSetsThePracticeOnEveryConnectionItHandsOut() throws SQLException {
        assertTrue(dataSource.getPoolInterceptors().stream().anyMatch(PracticeScope.class::isInstance),
                "the interceptor is registered for the default datasource");
        assertEquals(practiceA, PracticeScope.call(practiceA, this::settingOfAPooledConnection));
        assertEquals("*", PracticeScope.acrossPractices(this::settingOfAPooledConnection));
        // Outside any scope and any request: none, whatever the connection carried before.
        assertEquals("", settingOfAPooledConnection());
    }

    private String settingOfAPooledConnection() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select current_setting('claimflow.practice', true)"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRequestSeesOnlyItsTokensPracticeEvenWhereTheCodeDoesNotFilter() {
        // The remittance read filters on nothing but the id: only row-level security keeps B's upload from A.
        Made a = made().get(practiceA);
        Made b = made().get(practiceB);
        String asA = DefaultTestToken.bearerIn(practiceA, "biller-a");
        given().header("Authorization", asA).get("/api/v1/remittances/" + a.remittanceId()).then().statusCode(200)
                .body("claimsPosted", equalTo(1));
        given().header("Authorization", asA).get("/api/v1/remittances/" + b.remittanceId()).then().statusCode(404);
        given().header("Authorization", asA).get("/api/v1/claims/" + b.pipelineClaimId() + "/x12").then().statusCode(404);
        given().header("Authorization", asA).get("/api/v1/claims/" + a.pipelineClaimId() + "/x12").then().statusCode(200);
    }

    @Test
    void anUploadedRemittancePaysOnlyTheUploadingPracticesClaims() {
        // B's biller uploads a payment naming A's claim: it is unmatched for B, and A's claim is untouched.
        Made a = made().get(practiceA);
        String asB = DefaultTestToken.bearerIn(practiceB, "biller-b");
        String before = claimAs(a.uploadedClaimId(), practiceA).getString("amounts.paid");
        String x12 = RemittanceFixture.payment().claim(a.uploadedPcn())
                .line(a.uploadedPcn() + "-1", "99213", "150.00", "92.00", adjustment("CO", "45", "58.00")).done().build();
        given().header("Authorization", asB).contentType(EDI_X12).body(x12.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/remittances").then().statusCode(201).body("claimsPosted", equalTo(0)).body("unmatched", equalTo(1));
        assertEquals(before, claimAs(a.uploadedClaimId(), practiceA).getString("amounts.paid"));
    }

    private static io.restassured.path.json.JsonPath claimAs(String id, String practice) {
        return given().header("Authorization", DefaultTestToken.bearerIn(practice, "reader")).get("/api/v1/claims/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anEventNamingEveryPracticeIsDeadLettered() throws SQLException {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda().practice("*");
        KafkaTestClient.send("claims.encounter-coded.v1", encounter.encounterId(), encounter.envelope());
        KafkaTestClient.await("claims.encounter-coded.v1.dlq", r -> encounter.encounterId().equals(r.key()), WAIT);
        try (Connection c = owner(); PreparedStatement ps = c.prepareStatement("select count(*) from claim where encounter_id = ?")) {
            ps.setObject(1, UUID.fromString(encounter.encounterId()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no claim was assembled for it");
            }
        }
    }
}
