package org.claimflow.denial.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.denial.support.RoutedDenials.route;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.Postgres;
import org.eclipse.microprofile.config.ConfigProvider;
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
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class AuditTrailTest {

    private static final String ALL_ROLES = "admin,biller,coder,denial-specialist,front-desk,pms-client";

    /** One response the test expects an audit row for. */
    private record Expected(String practice, String requestId, int status, String actor, String roles, String action,
                            String endpoint, String objectType, String objectId, String claimId) {
    }

    /** A denied claim of an invented patient whose name and date of birth must never reach an audit row. */
    private record Patient(String firstName, String lastName, String dateOfBirth, String memberId, ClaimAdjudicatedFixture claim) {
    }

    private final List<Expected> expected = new ArrayList<>();

    private static Patient canary(String practice, String groupCode, String carc, String... rarcs) {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String first = "Canaryfirst" + tag;
        String last = "Canarylast" + tag;
        String dob = "1931-07-19";
        String member = "MAUD" + tag.toUpperCase();
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("firstName", first);
        patient.put("lastName", last);
        patient.put("dateOfBirth", dob);
        ClaimAdjudicatedFixture claim = ClaimAdjudicatedFixture.lineDenied(groupCode, carc, rarcs).practice(practice)
                .withPayload("memberId", member).withPayload("patient", patient);
        return new Patient(first, last, dob, member, claim);
    }

    private static String practice(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyAuditedResponseIsOneRowAndTheSuccessfulOnesAreExactlyThePhiResponses() throws SQLException {
        String p = practice("audit-count");
        String q = practice("audit-other");
        DefaultTestToken.actIn(p);
        Patient appealed = canary(p, "CO", "50");
        Patient corrected = canary(p, "CO", "11", "M76");
        String d1 = route(appealed.claim());
        String d2 = route(corrected.claim());
        String c1 = appealed.claim().claimId();
        String c2 = corrected.claim().claimId();
        // Routing read the lists while it waited: those rows are not this script's.
        Set<String> before = rowIds(p);

        String spec = DefaultTestToken.bearer(p, "sam-specialist", "denial-specialist");
        String coder = DefaultTestToken.bearer(p, "cody-coder", "coder");
        String officer = DefaultTestToken.bearer(p, "olive-officer", "admin");
        String intruder = DefaultTestToken.bearer(q, "ivan-intruder", "denial-specialist");
        int phi = 0;
        int audited = 0;

        // Reads by id and lists.
        audited(p, spec, "sam-specialist", "denial-specialist", "GET", "/api/v1/denials/" + d1, null, 200,
                "READ", "GET /api/v1/denials/{id}", "denial", d1, c1);
        audited(p, spec, "sam-specialist", "denial-specialist", "GET", "/api/v1/denials?claimId=" + c1, null, 200,
                "LIST", "GET /api/v1/denials", "denial", null, c1);
        audited(p, null, DefaultTestToken.USER, ALL_ROLES, "GET", "/api/v1/denials?status=OPEN", null, 200,
                "LIST", "GET /api/v1/denials", "denial", null, null);
        // Changes.
        audited(p, spec, "sam-specialist", "denial-specialist", "POST", "/api/v1/denials/" + d1 + "/assignment",
                Map.of("assignee", "ana"), 200, "UPDATE", "POST /api/v1/denials/{id}/assignment", "denial", d1, c1);
        Response note = audited(p, spec, "sam-specialist", "denial-specialist", "POST", "/api/v1/denials/" + d1 + "/notes",
                Map.of("text", "Records requested."), 201, "CREATE", "POST /api/v1/denials/{id}/notes", "denial-note", CREATED, c1);
        String noteId = lastSegment(note.getHeader("Location"));
        audited(p, spec, "sam-specialist", "denial-specialist", "GET", "/api/v1/denials/" + d1 + "/notes/" + noteId, null, 200,
                "READ", "GET /api/v1/denials/{id}/notes/{noteId}", "denial-note", noteId, c1);
        audited(p, spec, "sam-specialist", "denial-specialist", "POST", "/api/v1/denials/" + d1 + "/status",
                Map.of("status", "IN_PROGRESS"), 200, "UPDATE", "POST /api/v1/denials/{id}/status", "denial", d1, c1);
        Response appeal = audited(p, spec, "sam-specialist", "denial-specialist", "POST", "/api/v1/denials/" + d1 + "/appeals",
                Map.of("reason", "Medically necessary."), 201, "CREATE", "POST /api/v1/denials/{id}/appeals", "appeal", CREATED, c1);
        String appealId = lastSegment(appeal.getHeader("Location"));
        audited(p, spec, "sam-specialist", "denial-specialist", "GET", "/api/v1/appeals/" + appealId, null, 200,
                "READ", "GET /api/v1/appeals/{id}", "appeal", appealId, c1);
        Response letter = audited(p, spec, "sam-specialist", "denial-specialist", "GET", "/api/v1/appeals/" + appealId + "/letter",
                null, 200, "READ", "GET /api/v1/appeals/{id}/letter", "appeal", appealId, c1);
        assertTrue(letter.asString().contains(appealed.lastName()), "the letter is a PHI response");
        audited(p, spec, "sam-specialist", "denial-specialist", "POST", "/api/v1/appeals/" + appealId + "/submission", null, 200,
                "UPDATE", "POST /api/v1/appeals/{id}/submission", "appeal", appealId, c1);
        audited(p, spec, "sam-specialist", "denial-specialist", "POST", "/api/v1/appeals/" + appealId + "/outcome",
                Map.of("outcome", "WON", "recoveredAmount", new BigDecimal("100.00")), 200,
                "UPDATE", "POST /api/v1/appeals/{id}/outcome", "appeal", appealId, c1);
        Response correction = audited(p, spec, "sam-specialist", "denial-specialist", "POST", "/api/v1/denials/" + d2 + "/corrections",
                Map.of("frequencyCode", "7", "reason", "Diagnosis pointer fixed."), 202,
                "CREATE", "POST /api/v1/denials/{id}/corrections", "correction-request", CREATED, c2);
        String correctionId = lastSegment(correction.getHeader("Location"));
        audited(p, spec, "sam-specialist", "denial-specialist", "GET", "/api/v1/denials/" + d2 + "/corrections/" + correctionId, null,
                200, "READ", "GET /api/v1/denials/{id}/corrections/{correctionId}", "correction-request", correctionId, c2);
        phi = 14;
        // Refused, not found, rejected: evidence too, no patient data returned.
        String unknown = UUID.randomUUID().toString();
        audited(p, spec, "sam-specialist", "denial-specialist", "GET", "/api/v1/denials/" + unknown, null, 404,
                "READ", "GET /api/v1/denials/{id}", "denial", unknown, null);
        audited(p, coder, "cody-coder", "coder", "POST", "/api/v1/denials/" + d2 + "/status", Map.of("status", "WRITTEN_OFF"), 403,
                "UPDATE", "POST /api/v1/denials/{id}/status", "denial", d2, null);
        audited(p, coder, "cody-coder", "coder", "GET", "/api/v1/appeals/" + appealId + "/letter", null, 403,
                "READ", "GET /api/v1/appeals/{id}/letter", "appeal", appealId, null);
        audited(p, spec, "sam-specialist", "denial-specialist", "POST", "/api/v1/denials/" + d1 + "/status",
                Map.of("status", "IN_PROGRESS"), 409, "UPDATE", "POST /api/v1/denials/{id}/status", "denial", d1, c1);
        audited(p, spec, "sam-specialist", "denial-specialist", "GET", "/api/v1/denials?status=NOPE", null, 400,
                "LIST", "GET /api/v1/denials", "denial", null, null);
        // Another practice's denial: not found, and filed under the intruder's practice.
        audited(q, intruder, "ivan-intruder", "denial-specialist", "GET", "/api/v1/denials/" + d1, null, 404,
                "READ", "GET /api/v1/denials/{id}", "denial", d1, null);
        // The compliance officer reads the trail, which is recorded as well.
        audited(p, officer, "olive-officer", "admin", "GET", "/api/v1/audit-events?claimId=" + c1, null, 200,
                "LIST", "GET /api/v1/audit-events", "audit-trail", null, null);
        phi++;
        audited(p, officer, "olive-officer", "admin", "GET", "/api/v1/audit-events", null, 400,
                "LIST", "GET /api/v1/audit-events", "audit-trail", null, null);
        audited = expected.size();
        // Not audited: no patient data in them.
        given().header("Authorization", spec).get("/api/v1/denials/analytics").then().statusCode(200);
        given().header("Authorization", spec).get("/api/v1/denial-reasons/50").then().statusCode(200);
        // Not authenticated: nothing returned, nothing recorded.
        given().header("Authorization", "Bearer not-a-token").get("/api/v1/denials/" + d1).then().statusCode(401);

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
        // Only the member id identifies the patient in a row.
        for (Map<String, Object> row : rows.values()) {
            Object claim = row.get("claim_id");
            if (c1.equals(String.valueOf(claim))) {
                assertEquals(appealed.memberId(), row.get("patient_ref"));
            }
        }
        assertNoPatientData(List.of(appealed, corrected));
    }

    @Test
    void theApplicationMayAddAuditRowsButNotChangeOrRemoveThemAndTheOwnerNeither() throws SQLException {
        String p = practice("audit-append");
        DefaultTestToken.actIn(p);
        String denial = route(canary(p, "CO", "50").claim());
        given().get("/api/v1/denials/" + denial).then().statusCode(200);
        Set<String> rows = rowIds(p);
        assertFalse(rows.isEmpty());
        try (Connection app = DriverManager.getConnection(jdbcUrl(), Postgres.APP_ROLE, Postgres.APP_PASSWORD)) {
            app.setAutoCommit(false);
            actAs(app, p);
            assertEquals(1, execute(app, """
                    insert into audit_event (id, occurred_at, practice_id, actor, action, endpoint, object_type, outcome, status)
                    values ('%s', now(), '%s', 'test', 'READ', 'GET /x', 'denial', 'SUCCESS', 200)""".formatted(UUID.randomUUID(), p)),
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
        Patient patient = canary(p, "CO", "50");
        String denial = route(patient.claim());
        String appealId = lastSegment(given().header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Medically necessary.")).post("/api/v1/denials/" + denial + "/appeals")
                .then().statusCode(201).extract().header("Location"));
        int rowsBefore = rowIds(p).size();
        try (Connection owner = owner(); Statement st = owner.createStatement()) {
            // Test-only: the audit insert fails as it would with the audit table unavailable. No production switch.
            st.execute("revoke insert on audit_event from " + Postgres.APP_ROLE);
            try {
                for (String path : List.of("/api/v1/denials/" + denial, "/api/v1/appeals/" + appealId + "/letter",
                        "/api/v1/denials?claimId=" + patient.claim().claimId())) {
                    Response withheld = given().get(path);
                    assertEquals(503, withheld.statusCode(), path);
                    assertEquals(Problem.MEDIA_TYPE, withheld.contentType().split(";")[0], path);
                    assertEquals("/problems/audit-unavailable", withheld.jsonPath().getString("type"));
                    assertNotNull(withheld.getHeader("X-Request-Id"));
                    String body = withheld.asString();
                    for (String data : List.of(patient.firstName(), patient.lastName(), patient.dateOfBirth(), patient.memberId(),
                            patient.claim().claimId(), "patientControlNumber")) {
                        assertFalse(body.contains(data), path + " answered without patient data");
                    }
                }
            } finally {
                st.execute("grant insert on audit_event to " + Postgres.APP_ROLE);
            }
        }
        assertEquals(rowsBefore, rowIds(p).size());
        given().get("/api/v1/denials/" + denial).then().statusCode(200);
        assertEquals(rowsBefore + 1, rowIds(p).size());
    }

    @Test
    void theComplianceOfficerFindsAClaimsAPatientsAndAnObjectsTrailInTheirOwnPracticeOnly() throws SQLException {
        String p = practice("audit-find");
        DefaultTestToken.actIn(p);
        Patient patient = canary(p, "CO", "50");
        String denial = route(patient.claim());
        String claim = patient.claim().claimId();
        String reader = DefaultTestToken.bearer(p, "rita-reader", "front-desk");
        given().header("Authorization", reader).get("/api/v1/denials/" + denial).then().statusCode(200);
        String officer = DefaultTestToken.bearer(p, "olive-officer", "admin");

        RequestSpecification asOfficer = given().header("Authorization", officer);
        asOfficer.queryParam("claimId", claim).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.claimId", everyItem(equalTo(claim)))
                .body("items.actor", hasItem("rita-reader"))
                .body("items.endpoint", hasItem("GET /api/v1/denials/{id}"))
                .body("items.practiceId", everyItem(equalTo(p)));
        given().header("Authorization", officer).queryParam("patientRef", patient.memberId()).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.patientRef", everyItem(equalTo(patient.memberId())))
                .body("items.objectId", hasItem(denial));
        given().header("Authorization", officer).queryParam("objectType", "denial").queryParam("objectId", denial)
                .queryParam("from", java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString())
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items[0].objectId", equalTo(denial)).body("items.objectType", everyItem(equalTo("denial")))
                .body("items.actor", hasItem("rita-reader"));
        // Newest first: the first row of a claim's trail is the latest read.
        given().header("Authorization", reader).get("/api/v1/denials/" + denial).then().statusCode(200);
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
        given().header("Authorization", officer).queryParam("objectType", "denial").get("/api/v1/audit-events").then()
                .statusCode(400).body("errors[0].field", equalTo("objectId"));
        given().header("Authorization", officer).queryParam("claimId", "not-a-uuid").get("/api/v1/audit-events").then()
                .statusCode(400);
        // The officer's own reads are in the trail.
        given().header("Authorization", officer).queryParam("objectType", "audit-trail").queryParam("objectId", "x")
                .get("/api/v1/audit-events").then().statusCode(200);
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
                             String objectId, String claimId) {
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
        expected.add(new Expected(practice, requestId, status, actor, roles, action, endpoint, objectType, id, claimId));
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
