package org.claimflow.coding.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.Postgres;
import org.claimflow.localstack.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The audit trail of PHI access (issue #8): every response of an audited endpoint is one audit row, the successful ones
 * exactly the responses that returned patient data; rows are append-only; no row means no patient data leaves; the
 * compliance officer finds a claim's, a patient's or an object's trail in their own practice only.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class AuditTrailTest {

    private static final String DATABASE = "coding";
    private static final String ALL_ROLES = "admin,biller,coder,denial-specialist,front-desk,pms-client";

    /** One response the test expects an audit row for. */
    private record Expected(String practice, String requestId, int status, String actor, String roles, String action,
                            String endpoint, String objectType, String objectId, String claimId, String patientRef) {
    }

    /** An invented patient whose name and date of birth must never reach an audit row. */
    private record Patient(String firstName, String lastName, String dateOfBirth, String memberId) {
    }

    private final List<Expected> expected = new ArrayList<>();

    @BeforeEach
    void codeSetsLoaded() {
        CodeSetsReady.await();
    }

    private static Patient canary() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return new Patient("Canaryfirst" + tag, "Canarylast" + tag, "1931-07-19", "MCOD" + tag.toUpperCase());
    }

    /** The patient's office visit in {@code practice}; held by NCCI PTP 15780/99213 when {@code held}. */
    private static Map<String, Object> visit(String practice, Patient patient, boolean held) {
        EncounterFixture f = EncounterFixture.officeVisit().with("practiceId", practice)
                .withNested("patient", "firstName", patient.firstName())
                .withNested("patient", "lastName", patient.lastName())
                .withNested("patient", "dateOfBirth", patient.dateOfBirth())
                .withNested("coverage", "memberId", patient.memberId());
        if (held) {
            f.with("serviceLines", List.of(EncounterFixture.line("99213", List.of(), 1, List.of(1, 2), "150.00"),
                    EncounterFixture.line("15780", List.of(), 1, List.of(1), "900.00")));
        }
        return f.build();
    }

    private static String practice(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Receives a coded encounter of the patient in the default token's practice and has billing assemble its claim. */
    private static String[] codedWithClaim(String practice, Patient patient) {
        String id = given().contentType(ContentType.JSON).body(visit(practice, patient, false)).post("/api/v1/encounters")
                .then().statusCode(202).extract().path("id");
        String claimId = UUID.randomUUID().toString();
        KafkaTestClient.send("claims.claim-assembled.v1", claimId, """
                {"eventId":"%s","eventType":"ClaimAssembled","schemaVersion":1,"occurredAt":"2026-10-14T10:00:00Z",
                 "practiceId":"%s","aggregateId":"%s","correlationId":"%s","causationId":null,
                 "payload":{"claimId":"%s","encounterId":"%s","totalCharge":"162.00"}}"""
                .formatted(UUID.randomUUID(), practice, claimId, id, claimId, id));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/v1/encounters/" + id).then().statusCode(200).body("claimId", equalTo(claimId)));
        return new String[] {id, claimId};
    }

    @Test
    void everyAuditedResponseIsOneRowAndTheSuccessfulOnesAreExactlyThePhiResponses() throws SQLException {
        String p = practice("audit-count");
        String q = practice("audit-other");
        DefaultTestToken.actIn(p);
        Patient billed = canary();
        Patient held = canary();
        Patient checked = canary();
        String[] e1AndClaim = codedWithClaim(p, billed);
        String e1 = e1AndClaim[0];
        String c1 = e1AndClaim[1];
        // Setting up read the encounter while it waited: those rows are not this script's.
        Set<String> before = rowIds(p);

        String pms = DefaultTestToken.bearer(p, "pat-pms", "pms-client");
        String coder = DefaultTestToken.bearer(p, "cody-coder", "coder");
        String biller = DefaultTestToken.bearer(p, "bill-biller", "biller");
        String officer = DefaultTestToken.bearer(p, "olive-officer", "admin");
        String intruder = DefaultTestToken.bearer(q, "ivan-intruder", "coder");
        int phi;

        // Reads by id and lists (the coder queue).
        audited(p, coder, "cody-coder", "coder", "GET", "/api/v1/encounters/" + e1, null, 200,
                "READ", "GET /api/v1/encounters/{id}", "encounter", e1, c1, billed.memberId());
        audited(p, coder, "cody-coder", "coder", "GET", "/api/v1/encounters?status=NEEDS_REVIEW", null, 200,
                "LIST", "GET /api/v1/encounters", "encounter", null, null, null);
        audited(p, null, DefaultTestToken.USER, ALL_ROLES, "GET", "/api/v1/encounters?status=CODED&size=10", null, 200,
                "LIST", "GET /api/v1/encounters", "encounter", null, null, null);
        // The dry run: a whole encounter in, findings about it out.
        audited(p, pms, "pat-pms", "pms-client", "POST", "/api/v1/coding/edits", visit(p, checked, true), 200,
                "READ", "POST /api/v1/coding/edits", "coding-edit", null, null, checked.memberId());
        // Intake and the coder's changes.
        Response intake = audited(p, pms, "pat-pms", "pms-client", "POST", "/api/v1/encounters", visit(p, held, true), 202,
                "CREATE", "POST /api/v1/encounters", "encounter", CREATED, null, held.memberId());
        assertEquals("NEEDS_REVIEW", intake.jsonPath().getString("status"));
        String e2 = lastSegment(intake.getHeader("Location"));
        audited(p, coder, "cody-coder", "coder", "POST", "/api/v1/encounters/" + e2 + "/queries",
                Map.of("question", "Was the lesion removal a separate session?"), 200,
                "UPDATE", "POST /api/v1/encounters/{id}/queries", "encounter", e2, null, held.memberId());
        audited(p, coder, "cody-coder", "coder", "POST", "/api/v1/encounters/" + e2 + "/queries/answer",
                Map.of("answer", "Yes, a separate session."), 200,
                "UPDATE", "POST /api/v1/encounters/{id}/queries/answer", "encounter", e2, null, held.memberId());
        audited(p, coder, "cody-coder", "coder", "POST", "/api/v1/encounters/" + e2 + "/corrections",
                Map.of("diagnoses", List.of("E11.9", "I10"), "reason", "diagnoses confirmed by the provider"), 200,
                "UPDATE", "POST /api/v1/encounters/{id}/corrections", "encounter", e2, null, held.memberId());
        audited(p, coder, "cody-coder", "coder", "POST", "/api/v1/encounters/" + e2 + "/overrides",
                Map.of("ruleId", "NCCI_PTP", "reason", "Separate lesion, separate session"), 200,
                "UPDATE", "POST /api/v1/encounters/{id}/overrides", "encounter", e2, null, held.memberId());
        phi = 9;
        // Refused, not found, rejected: evidence too, no patient data returned.
        String unknown = UUID.randomUUID().toString();
        audited(p, coder, "cody-coder", "coder", "GET", "/api/v1/encounters/" + unknown, null, 404,
                "READ", "GET /api/v1/encounters/{id}", "encounter", unknown, null, null);
        audited(p, biller, "bill-biller", "biller", "POST", "/api/v1/encounters/" + e2 + "/overrides",
                Map.of("ruleId", "NCCI_PTP", "reason", "Separate lesion, separate session"), 403,
                "UPDATE", "POST /api/v1/encounters/{id}/overrides", "encounter", e2, null, null);
        audited(p, biller, "bill-biller", "biller", "POST", "/api/v1/coding/edits", visit(p, checked, false), 403,
                "READ", "POST /api/v1/coding/edits", "coding-edit", null, null, null);
        audited(p, coder, "cody-coder", "coder", "POST", "/api/v1/encounters/" + e2 + "/queries",
                Map.of("question", "Anything else?"), 409,
                "UPDATE", "POST /api/v1/encounters/{id}/queries", "encounter", e2, null, held.memberId());
        audited(p, coder, "cody-coder", "coder", "GET", "/api/v1/encounters?size=0", null, 400,
                "LIST", "GET /api/v1/encounters", "encounter", null, null, null);
        // Another practice's encounter: not found, and filed under the intruder's practice.
        audited(q, intruder, "ivan-intruder", "coder", "GET", "/api/v1/encounters/" + e1, null, 404,
                "READ", "GET /api/v1/encounters/{id}", "encounter", e1, null, null);
        // The compliance officer reads the trail, which is recorded as well.
        audited(p, officer, "olive-officer", "admin", "GET", "/api/v1/audit-events?claimId=" + c1, null, 200,
                "LIST", "GET /api/v1/audit-events", "audit-trail", null, null, null);
        phi++;
        audited(p, officer, "olive-officer", "admin", "GET", "/api/v1/audit-events", null, 400,
                "LIST", "GET /api/v1/audit-events", "audit-trail", null, null, null);
        int audited = expected.size();
        // Not authenticated: nothing returned, nothing recorded.
        given().header("Authorization", "Bearer not-a-token").get("/api/v1/encounters/" + e1).then().statusCode(401);

        Map<String, Map<String, Object>> rows = rowsByRequestId(p, before);
        List<Expected> inP = expected.stream().filter(e -> e.practice().equals(p)).toList();
        assertEquals(inP.size(), rows.size(), "one audit row per audited response of the practice: " + rows.keySet());
        assertEquals(audited - 1, inP.size());
        long successRows = rows.values().stream().filter(r -> "SUCCESS".equals(r.get("outcome"))).count();
        assertEquals(phi, successRows, "the successful rows are exactly the PHI responses");
        assertEquals(phi, inP.stream().filter(e -> e.status() / 100 == 2).count());
        for (Expected e : inP) {
            Map<String, Object> row = rows.get(e.requestId());
            assertNotNull(row, "a row for " + e);
            assertRow(e, row);
        }
        Map<String, Map<String, Object>> other = rowsByRequestId(q, Set.of());
        assertEquals(1, other.size());
        Expected intrusion = expected.stream().filter(e -> e.practice().equals(q)).findFirst().orElseThrow();
        assertRow(intrusion, other.get(intrusion.requestId()));
        assertNoPatientData(List.of(billed, held, checked));
    }

    @Test
    void theApplicationMayAddAuditRowsButNotChangeOrRemoveThemAndTheOwnerNeither() throws SQLException {
        String p = practice("audit-append");
        DefaultTestToken.actIn(p);
        String encounter = given().contentType(ContentType.JSON).body(visit(p, canary(), false)).post("/api/v1/encounters")
                .then().statusCode(202).extract().path("id");
        given().get("/api/v1/encounters/" + encounter).then().statusCode(200);
        Set<String> rows = rowIds(p);
        assertEquals(2, rows.size());
        try (Connection app = DriverManager.getConnection(jdbcUrl(), Postgres.APP_ROLE, Postgres.APP_PASSWORD)) {
            app.setAutoCommit(false);
            actAs(app, p);
            assertEquals(1, execute(app, """
                    insert into audit_event (id, occurred_at, practice_id, actor, action, endpoint, object_type, outcome, status)
                    values ('%s', now(), '%s', 'test', 'READ', 'GET /x', 'encounter', 'SUCCESS', 200)""".formatted(UUID.randomUUID(), p)),
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
        Patient patient = canary();
        Map<String, Object> body = visit(p, patient, true);
        String encounter = given().contentType(ContentType.JSON).body(body).post("/api/v1/encounters")
                .then().statusCode(202).extract().path("id");
        int rowsBefore = rowIds(p).size();
        try (Connection owner = owner(); Statement st = owner.createStatement()) {
            // Test-only: the audit insert fails as it would with the audit table unavailable. No production switch.
            st.execute("revoke insert on audit_event from " + Postgres.APP_ROLE);
            try {
                for (String path : List.of("/api/v1/encounters/" + encounter, "/api/v1/encounters?status=NEEDS_REVIEW",
                        "/api/v1/coding/edits")) {
                    Response withheld = path.endsWith("/edits")
                            ? given().contentType(ContentType.JSON).body(visit(p, patient, true)).post(path)
                            : given().get(path);
                    assertEquals(503, withheld.statusCode(), path);
                    assertEquals(Problem.MEDIA_TYPE, withheld.contentType().split(";")[0], path);
                    assertEquals("/problems/audit-unavailable", withheld.jsonPath().getString("type"));
                    assertNotNull(withheld.getHeader("X-Request-Id"));
                    // The problem's instance is the path the caller sent (for a read by id, the id it already had).
                    String answered = withheld.asString();
                    for (String data : List.of(patient.firstName(), patient.lastName(), patient.dateOfBirth(), patient.memberId(),
                            (String) body.get("externalId"), "NCCI_PTP", "E11.9", "findings", "dateOfService")) {
                        assertFalse(answered.contains(data), path + " answered without patient data");
                    }
                }
            } finally {
                st.execute("grant insert on audit_event to " + Postgres.APP_ROLE);
            }
        }
        assertEquals(rowsBefore, rowIds(p).size());
        given().get("/api/v1/encounters/" + encounter).then().statusCode(200);
        assertEquals(rowsBefore + 1, rowIds(p).size());
    }

    @Test
    void theComplianceOfficerFindsAClaimsAPatientsAndAnObjectsTrailInTheirOwnPracticeOnly() throws SQLException {
        String p = practice("audit-find");
        DefaultTestToken.actIn(p);
        Patient patient = canary();
        String[] e1AndClaim = codedWithClaim(p, patient);
        String encounter = e1AndClaim[0];
        String claim = e1AndClaim[1];
        String reader = DefaultTestToken.bearer(p, "rita-reader", "biller");
        given().header("Authorization", reader).get("/api/v1/encounters/" + encounter).then().statusCode(200);
        String officer = DefaultTestToken.bearer(p, "olive-officer", "admin");

        given().header("Authorization", officer).queryParam("claimId", claim).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.claimId", everyItem(equalTo(claim)))
                .body("items.actor", hasItem("rita-reader"))
                .body("items.endpoint", hasItem("GET /api/v1/encounters/{id}"))
                .body("items.practiceId", everyItem(equalTo(p)));
        // The patient's trail includes the intake, before billing had a claim.
        given().header("Authorization", officer).queryParam("patientRef", patient.memberId()).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.patientRef", everyItem(equalTo(patient.memberId())))
                .body("items.objectId", hasItem(encounter))
                .body("items.endpoint", hasItem("POST /api/v1/encounters"));
        given().header("Authorization", officer).queryParam("objectType", "encounter").queryParam("objectId", encounter)
                .queryParam("from", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString())
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items[0].objectId", equalTo(encounter)).body("items.objectType", everyItem(equalTo("encounter")))
                .body("items.actor", hasItem("rita-reader"));
        // Newest first: the first row of a claim's trail is the latest read.
        given().header("Authorization", reader).get("/api/v1/encounters/" + encounter).then().statusCode(200);
        given().header("Authorization", officer).queryParam("claimId", claim).queryParam("size", 1).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("size", equalTo(1))
                .body("items[0].actor", equalTo("rita-reader")).body("items[0].outcome", equalTo("SUCCESS"));

        // Another practice's compliance officer sees none of it.
        given().header("Authorization", DefaultTestToken.bearer(practice("audit-else"), "otto-officer", "admin"))
                .queryParam("claimId", claim).get("/api/v1/audit-events").then().statusCode(200).body("total", equalTo(0));
        // Only admin reads the trail.
        for (String role : List.of("pms-client", "coder", "biller", "front-desk", "denial-specialist")) {
            given().header("Authorization", DefaultTestToken.bearer(p, "nosy", role)).queryParam("claimId", claim)
                    .get("/api/v1/audit-events").then().statusCode(403).body("type", equalTo("/problems/forbidden"));
        }
        // A filter is required; object type and id go together.
        given().header("Authorization", officer).get("/api/v1/audit-events").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/validation"));
        given().header("Authorization", officer).queryParam("objectType", "encounter").get("/api/v1/audit-events").then()
                .statusCode(400).body("errors[0].field", equalTo("objectId"));
        given().header("Authorization", officer).queryParam("claimId", "not-a-uuid").get("/api/v1/audit-events").then()
                .statusCode(400);
        // The officer's own reads are in the trail.
        Map<String, Map<String, Object>> rows = rowsByRequestId(p, Set.of());
        assertTrue(rows.values().stream().anyMatch(r -> "audit-trail".equals(r.get("object_type"))
                && "olive-officer".equals(r.get("actor")) && "SUCCESS".equals(r.get("outcome"))), "compliance reads are audited");
        assertNoPatientData(List.of(patient));
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

    /** The canary names and dates of birth appear in no column of any audit row. */
    private static void assertNoPatientData(List<Patient> patients) throws SQLException {
        try (Connection c = owner(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select row_to_json(a)::text from audit_event a")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                String row = rs.getString(1);
                for (Patient p : patients) {
                    for (String data : List.of(p.firstName(), p.lastName(), p.dateOfBirth())) {
                        assertFalse(row.contains(data), "patient data in an audit row");
                    }
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
        return TestInfrastructure.get().postgres().jdbcUrl(DATABASE);
    }

    private static Connection owner() throws SQLException {
        return TestInfrastructure.get().postgres().connect(DATABASE);
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
