package org.claimflow.eligibility.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.claimflow.eligibility.gateway.SandboxPayerGateway;
import org.claimflow.eligibility.support.ClaimAssembledFixture;
import org.claimflow.eligibility.support.EligibilityCheckFixture;
import org.claimflow.eligibility.support.SandboxPayer;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.Postgres;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;

/**
 * The audit trail of PHI access (issue #8): every response of an audited endpoint is one audit row, the successful ones
 * exactly the responses that returned patient data; rows are append-only; no row means no patient data leaves; the
 * compliance officer finds a claim's, a patient's or an object's trail in their own practice only.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "eligibility"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class AuditTrailTest {

    private static final String ALL_ROLES = "admin,biller,coder,denial-specialist,front-desk,pms-client";
    private static final String CHECKS = "/api/v1/eligibility/checks";
    private static final String BATCHES = "/api/v1/eligibility/batches";
    /** The sandbox payer's member Ada Lovelace: her name and date of birth must never reach an audit row. */
    private static final String ADA_MEMBER = EligibilityCheckFixture.ada().memberId();
    private static final List<String> ADA_DATA = List.of("Lovelace", "LOVELACE", "1980-02-14", "19800214");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One response the test expects an audit row for. */
    private record Expected(String practice, String requestId, int status, String actor, String roles, String action,
                            String endpoint, String objectType, String objectId, String claimId, String patientRef) {
    }

    private final List<Expected> expected = new ArrayList<>();

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void resetThePayer() {
        SandboxPayer.healthy();
        breakers.reset(SandboxPayerGateway.BREAKER);
    }

    private static String practice(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Ada's real-time check body, for the caller's own practice (the token's). */
    private static Map<String, Object> adaCheck() {
        Map<String, Object> body = new LinkedHashMap<>(EligibilityCheckFixture.ada().build());
        body.remove("practiceId");
        return body;
    }

    private static Map<String, Object> adaBatch() {
        Map<String, Object> item = new LinkedHashMap<>(EligibilityCheckFixture.ada().build());
        item.remove("practiceId");
        item.remove("providerNpi");
        item.put("reference", "appt-1");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerNpi", EligibilityCheckFixture.PROVIDER_NPI);
        body.put("items", List.of(item));
        return body;
    }

    /** A claim's eligibility, asked by the ClaimAssembled consumer: the check that names the claim. */
    private static String checkOfClaim(ClaimAssembledFixture claim) throws Exception {
        KafkaTestClient.send("claims.claim-assembled.v1", claim.claimId(), claim.json());
        ConsumerRecord<String, String> record = KafkaTestClient.await("claims.eligibility-checked.v1",
                r -> claim.claimId().equals(r.key()), Duration.ofSeconds(30));
        return JSON.readTree(record.value()).get("payload").get("checkId").asText();
    }

    @Test
    void everyAuditedResponseIsOneRowAndTheSuccessfulOnesAreExactlyThePhiResponses() throws Exception {
        String p = practice("audit-count");
        String q = practice("audit-other");
        DefaultTestToken.actIn(p);
        ClaimAssembledFixture claim = ClaimAssembledFixture.officeVisitForAda().practice(p);
        String claimCheck = checkOfClaim(claim);
        String c1 = claim.claimId();
        Set<String> before = rowIds(p);
        assertTrue(before.isEmpty(), "the consumer answers no request: no audit row");

        String desk = DefaultTestToken.bearer(p, "fran-frontdesk", "front-desk");
        String biller = DefaultTestToken.bearer(p, "bill-biller", "biller");
        String coder = DefaultTestToken.bearer(p, "cody-coder", "coder");
        String officer = DefaultTestToken.bearer(p, "olive-officer", "admin");
        String intruder = DefaultTestToken.bearer(q, "ivan-intruder", "front-desk");
        int phi;
        int audited;

        // Changes: a real-time check and a batch.
        Response created = audited(p, desk, "fran-frontdesk", "front-desk", "POST", CHECKS, adaCheck(), 201,
                "CREATE", "POST " + CHECKS, "eligibility-check", CREATED, null, ADA_MEMBER);
        String check = lastSegment(created.getHeader("Location"));
        Response batch = audited(p, desk, "fran-frontdesk", "front-desk", "POST", BATCHES, adaBatch(), 202,
                "CREATE", "POST " + BATCHES, "eligibility-batch", CREATED, null, null);
        String batchId = lastSegment(batch.getHeader("Location"));
        // Reads by id and lists.
        audited(p, biller, "bill-biller", "biller", "GET", CHECKS + "/" + check, null, 200,
                "READ", "GET " + CHECKS + "/{id}", "eligibility-check", check, null, ADA_MEMBER);
        Response x12 = audited(p, biller, "bill-biller", "biller", "GET", CHECKS + "/" + check + "/x12", null, 200,
                "READ", "GET " + CHECKS + "/{id}/x12", "eligibility-check", check, null, ADA_MEMBER);
        assertTrue(x12.asString().contains("NM1*IL"), "the 271 is a PHI response");
        audited(p, biller, "bill-biller", "biller", "GET", CHECKS + "/" + claimCheck, null, 200,
                "READ", "GET " + CHECKS + "/{id}", "eligibility-check", claimCheck, c1, ADA_MEMBER);
        audited(p, desk, "fran-frontdesk", "front-desk", "GET", CHECKS + "?memberId=" + ADA_MEMBER, null, 200,
                "LIST", "GET " + CHECKS, "eligibility-check", null, null, ADA_MEMBER);
        audited(p, null, DefaultTestToken.USER, ALL_ROLES, "GET", CHECKS, null, 200,
                "LIST", "GET " + CHECKS, "eligibility-check", null, null, null);
        audited(p, desk, "fran-frontdesk", "front-desk", "GET", BATCHES + "/" + batchId, null, 200,
                "READ", "GET " + BATCHES + "/{id}", "eligibility-batch", batchId, null, null);
        phi = 8;
        // Refused, not found, rejected: evidence too, no patient data returned.
        String unknown = UUID.randomUUID().toString();
        audited(p, biller, "bill-biller", "biller", "GET", CHECKS + "/" + unknown, null, 404,
                "READ", "GET " + CHECKS + "/{id}", "eligibility-check", unknown, null, null);
        audited(p, biller, "bill-biller", "biller", "GET", BATCHES + "/" + unknown, null, 404,
                "READ", "GET " + BATCHES + "/{id}", "eligibility-batch", unknown, null, null);
        audited(p, coder, "cody-coder", "coder", "GET", CHECKS + "/" + check, null, 403,
                "READ", "GET " + CHECKS + "/{id}", "eligibility-check", check, null, null);
        audited(p, coder, "cody-coder", "coder", "GET", CHECKS + "/" + check + "/x12", null, 403,
                "READ", "GET " + CHECKS + "/{id}/x12", "eligibility-check", check, null, null);
        audited(p, biller, "bill-biller", "biller", "POST", CHECKS, adaCheck(), 403,
                "CREATE", "POST " + CHECKS, "eligibility-check", null, null, null);
        audited(p, desk, "fran-frontdesk", "front-desk", "GET", CHECKS + "?size=0", null, 400,
                "LIST", "GET " + CHECKS, "eligibility-check", null, null, null);
        // Another practice's check and batch: not found, and filed under the intruder's practice.
        audited(q, intruder, "ivan-intruder", "front-desk", "GET", CHECKS + "/" + check, null, 404,
                "READ", "GET " + CHECKS + "/{id}", "eligibility-check", check, null, null);
        audited(q, intruder, "ivan-intruder", "front-desk", "GET", BATCHES + "/" + batchId, null, 404,
                "READ", "GET " + BATCHES + "/{id}", "eligibility-batch", batchId, null, null);
        // The compliance officer reads the trail, which is recorded as well.
        audited(p, officer, "olive-officer", "admin", "GET", "/api/v1/audit-events?patientRef=" + ADA_MEMBER, null, 200,
                "LIST", "GET /api/v1/audit-events", "audit-trail", null, null, null);
        phi++;
        audited(p, officer, "olive-officer", "admin", "GET", "/api/v1/audit-events", null, 400,
                "LIST", "GET /api/v1/audit-events", "audit-trail", null, null, null);
        audited = expected.size();
        // Not authenticated: nothing returned, nothing recorded.
        given().header("Authorization", "Bearer not-a-token").get(CHECKS + "/" + check).then().statusCode(401);

        Map<String, Map<String, Object>> rows = rowsByRequestId(p, before);
        List<Expected> inP = expected.stream().filter(e -> e.practice().equals(p)).toList();
        assertEquals(inP.size(), rows.size(), "one audit row per audited response of the practice: " + rows.keySet());
        assertEquals(audited - 2, inP.size());
        long successRows = rows.values().stream().filter(r -> "SUCCESS".equals(r.get("outcome"))).count();
        assertEquals(phi, successRows, "the successful rows are exactly the PHI responses");
        assertEquals(phi, inP.stream().filter(e -> e.status() / 100 == 2).count());
        for (Expected e : inP) {
            Map<String, Object> row = rows.get(e.requestId());
            assertNotNull(row, "a row for " + e);
            assertRow(e, row);
        }
        Map<String, Map<String, Object>> other = rowsByRequestId(q, Set.of());
        List<Expected> inQ = expected.stream().filter(e -> e.practice().equals(q)).toList();
        assertEquals(inQ.size(), other.size());
        for (Expected e : inQ) {
            assertRow(e, other.get(e.requestId()));
        }
        assertNoPatientData();
    }

    @Test
    void theApplicationMayAddAuditRowsButNotChangeOrRemoveThemAndTheOwnerNeither() throws SQLException {
        String p = practice("audit-append");
        DefaultTestToken.actIn(p);
        String check = lastSegment(given().contentType(ContentType.JSON).body(adaCheck()).post(CHECKS)
                .then().statusCode(201).extract().header("Location"));
        given().get(CHECKS + "/" + check).then().statusCode(200);
        Set<String> rows = rowIds(p);
        assertEquals(2, rows.size());
        try (Connection app = DriverManager.getConnection(jdbcUrl(), Postgres.APP_ROLE, Postgres.APP_PASSWORD)) {
            app.setAutoCommit(false);
            actAs(app, p);
            assertEquals(1, execute(app, """
                    insert into audit_event (id, occurred_at, practice_id, actor, action, endpoint, object_type, outcome, status)
                    values ('%s', now(), '%s', 'test', 'READ', 'GET /x', 'eligibility-check', 'SUCCESS', 200)""".formatted(UUID.randomUUID(), p)),
                    "the application role may insert");
            app.rollback();
            for (String change : List.of("update audit_event set actor = 'someone-else'", "delete from audit_event",
                    "truncate audit_event")) {
                actAs(app, p);
                SQLException refused = assertThrows(SQLException.class, () -> execute(app, change));
                assertEquals("42501", refused.getSQLState(), change + ": permission denied");
                app.rollback();
            }
        }
        try (Connection owner = owner()) {
            owner.setAutoCommit(false);
            for (String change : List.of("update audit_event set actor = 'someone-else'", "delete from audit_event",
                    "truncate audit_event")) {
                SQLException refused = assertThrows(SQLException.class, () -> execute(owner, change));
                assertTrue(refused.getMessage().contains("append-only"), change + " as the owner: " + refused.getSQLState());
                owner.rollback();
            }
        }
        assertEquals(rows, rowIds(p), "every row is still there, unchanged in number");
    }

    @Test
    void whenTheAuditRowCannotBeWrittenNoPatientDataIsReturned() throws SQLException {
        String p = practice("audit-down");
        DefaultTestToken.actIn(p);
        String check = lastSegment(given().contentType(ContentType.JSON).body(adaCheck()).post(CHECKS)
                .then().statusCode(201).extract().header("Location"));
        String batch = lastSegment(given().contentType(ContentType.JSON).body(adaBatch()).post(BATCHES)
                .then().statusCode(202).extract().header("Location"));
        int rowsBefore = rowIds(p).size();
        try (Connection owner = owner(); Statement st = owner.createStatement()) {
            // Test-only: the audit insert fails as it would with the audit table unavailable. No production switch.
            st.execute("revoke insert on audit_event from " + Postgres.APP_ROLE);
            try {
                for (String path : List.of(CHECKS + "/" + check, CHECKS + "/" + check + "/x12",
                        CHECKS + "?memberId=" + ADA_MEMBER, BATCHES + "/" + batch)) {
                    assertWithheld(given().get(path), path);
                }
                // A change: its answer (and Location) is withheld too.
                Response created = given().contentType(ContentType.JSON).body(adaCheck()).post(CHECKS);
                assertWithheld(created, "POST " + CHECKS);
                assertEquals(null, created.getHeader("Location"));
            } finally {
                st.execute("grant insert on audit_event to " + Postgres.APP_ROLE);
            }
        }
        assertEquals(rowsBefore, rowIds(p).size());
        given().get(CHECKS + "/" + check).then().statusCode(200);
        assertEquals(rowsBefore + 1, rowIds(p).size());
    }

    private static void assertWithheld(Response withheld, String what) {
        assertEquals(503, withheld.statusCode(), what);
        assertEquals(Problem.MEDIA_TYPE, withheld.contentType().split(";")[0], what);
        assertEquals("/problems/audit-unavailable", withheld.jsonPath().getString("type"), what);
        assertNotNull(withheld.getHeader("X-Request-Id"));
        String body = withheld.asString();
        List<String> data = new ArrayList<>(ADA_DATA);
        data.addAll(List.of(ADA_MEMBER, "Ada", "ADA", "SANDBOX PPO GOLD", "ISA*"));
        for (String d : data) {
            assertFalse(body.contains(d), what + " answered without patient data");
        }
    }

    @Test
    void theComplianceOfficerFindsAClaimsAPatientsAndAnObjectsTrailInTheirOwnPracticeOnly() throws Exception {
        String p = practice("audit-find");
        DefaultTestToken.actIn(p);
        ClaimAssembledFixture claim = ClaimAssembledFixture.officeVisitForAda().practice(p);
        String check = checkOfClaim(claim);
        String reader = DefaultTestToken.bearer(p, "rita-reader", "front-desk");
        given().header("Authorization", reader).get(CHECKS + "/" + check).then().statusCode(200);
        String officer = DefaultTestToken.bearer(p, "olive-officer", "admin");

        given().header("Authorization", officer).queryParam("claimId", claim.claimId()).get("/api/v1/audit-events").then()
                .statusCode(200).body("total", equalTo(1))
                .body("items.claimId", everyItem(equalTo(claim.claimId())))
                .body("items[0].actor", equalTo("rita-reader"))
                .body("items[0].endpoint", equalTo("GET " + CHECKS + "/{id}"))
                .body("items[0].practiceId", equalTo(p));
        given().header("Authorization", officer).queryParam("patientRef", ADA_MEMBER).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.patientRef", everyItem(equalTo(ADA_MEMBER)))
                .body("items.objectId", hasItem(check));
        given().header("Authorization", officer).queryParam("objectType", "eligibility-check").queryParam("objectId", check)
                .queryParam("from", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString())
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items[0].objectId", equalTo(check)).body("items.objectType", everyItem(equalTo("eligibility-check")))
                .body("items.actor", hasItem("rita-reader"));
        // Newest first: the first row of a claim's trail is the latest read.
        given().header("Authorization", reader).get(CHECKS + "/" + check + "/x12").then().statusCode(200);
        given().header("Authorization", officer).queryParam("claimId", claim.claimId()).queryParam("size", 1)
                .get("/api/v1/audit-events").then().statusCode(200).body("items.size()", equalTo(1)).body("size", equalTo(1))
                .body("total", equalTo(2))
                .body("items[0].endpoint", equalTo("GET " + CHECKS + "/{id}/x12")).body("items[0].outcome", equalTo("SUCCESS"));

        // Another practice's compliance officer sees none of it.
        given().header("Authorization", DefaultTestToken.bearer(practice("audit-else"), "otto-officer", "admin"))
                .queryParam("claimId", claim.claimId()).get("/api/v1/audit-events").then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", DefaultTestToken.bearer(practice("audit-else"), "otto-officer", "admin"))
                .queryParam("patientRef", ADA_MEMBER).get("/api/v1/audit-events").then().statusCode(200).body("total", equalTo(0));
        // Only admin reads the trail.
        for (String role : List.of("pms-client", "coder", "biller", "front-desk", "denial-specialist")) {
            given().header("Authorization", DefaultTestToken.bearer(p, "nosy", role)).queryParam("claimId", claim.claimId())
                    .get("/api/v1/audit-events").then().statusCode(403).body("type", equalTo("/problems/forbidden"));
        }
        // A filter is required; object type and id go together.
        given().header("Authorization", officer).get("/api/v1/audit-events").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/validation"));
        given().header("Authorization", officer).queryParam("objectType", "eligibility-check").get("/api/v1/audit-events").then()
                .statusCode(400).body("errors[0].field", equalTo("objectId"));
        given().header("Authorization", officer).queryParam("claimId", "not-a-uuid").get("/api/v1/audit-events").then()
                .statusCode(400);
        Map<String, Map<String, Object>> rows = rowsByRequestId(p, Set.of());
        assertTrue(rows.values().stream().anyMatch(r -> "audit-trail".equals(r.get("object_type"))
                && "olive-officer".equals(r.get("actor")) && "SUCCESS".equals(r.get("outcome"))), "compliance reads are audited");
        assertNoPatientData();
    }

    // --- helpers ---

    /** Marks an expected object id that is the created object's, read from the response's Location. */
    private static final String CREATED = "<created>";

    private Response audited(String practice, String bearer, String actor, String roles, String verb, String path,
                             Map<String, ?> body, int status, String action, String endpoint, String objectType,
                             String objectId, String claimId, String patientRef) {
        RequestSpecification request = given();
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        if ("POST".equals(verb)) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        Response response = "POST".equals(verb) ? request.post(path) : request.get(path);
        assertEquals(status, response.statusCode(), verb + " " + path + ": " + response.asString());
        String requestId = response.getHeader("X-Request-Id");
        assertNotNull(requestId);
        String id = CREATED.equals(objectId) ? lastSegment(response.getHeader("Location")) : objectId;
        expected.add(new Expected(practice, requestId, status, actor, roles, action, endpoint, objectType, id, claimId, patientRef));
        return response;
    }

    private static void assertRow(Expected e, Map<String, Object> row) {
        String what = e.endpoint() + " " + e.status();
        assertEquals(e.practice(), row.get("practice_id"), what);
        assertEquals(e.actor(), row.get("actor"), what);
        assertEquals(e.roles(), row.get("roles"), what);
        assertEquals(e.action(), row.get("action"), what);
        assertEquals(e.endpoint(), row.get("endpoint"), what);
        assertEquals(e.objectType(), row.get("object_type"), what);
        assertEquals(e.objectId(), row.get("object_id"), what);
        assertEquals(e.claimId(), row.get("claim_id") == null ? null : row.get("claim_id").toString(), what);
        assertEquals(e.patientRef(), row.get("patient_ref"), what);
        assertEquals(e.status(), ((Number) row.get("status")).intValue(), what);
        String outcome = switch (e.status()) {
            case 200, 201, 202 -> "SUCCESS";
            case 403 -> "DENIED";
            case 404 -> "NOT_FOUND";
            default -> e.status() >= 500 ? "FAILED" : "REJECTED";
        };
        assertEquals(outcome, row.get("outcome"), what);
        assertEquals(e.requestId(), row.get("request_id"), what);
        assertNotNull(row.get("occurred_at"), what);
    }

    /** The canary's name and date of birth appear in no column of any audit row. */
    private static void assertNoPatientData() throws SQLException {
        try (Connection c = owner(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select row_to_json(a)::text from audit_event a")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                String row = rs.getString(1);
                for (String data : ADA_DATA) {
                    assertFalse(row.contains(data), "patient data in an audit row");
                }
            }
            assertTrue(rows > 0);
        }
    }

    private static Set<String> rowIds(String practice) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = owner();
             PreparedStatement ps = c.prepareStatement("select id from audit_event where practice_id = ?")) {
            ps.setString(1, practice);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** The practice's rows not in {@code except}, by request id (each request id once: a second row would be lost here). */
    private static Map<String, Map<String, Object>> rowsByRequestId(String practice, Set<String> except) throws SQLException {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        int count = 0;
        try (Connection c = owner();
             PreparedStatement ps = c.prepareStatement("select * from audit_event where practice_id = ?")) {
            ps.setString(1, practice);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (except.contains(rs.getString("id"))) {
                        continue;
                    }
                    count++;
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                    rows.put(rs.getString("request_id"), row);
                }
            }
        }
        assertEquals(count, rows.size(), "one row per request id");
        return rows;
    }

    private static String lastSegment(String location) {
        assertNotNull(location);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), Postgres.USER, "postgres");
    }

    private static void actAs(Connection app, String practice) throws SQLException {
        try (PreparedStatement ps = app.prepareStatement("select set_config('claimflow.practice', ?, true)")) {
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
