package org.claimflow.billing.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.claimflow.billing.support.ClaimApi.awaitStatus;
import static org.claimflow.billing.support.ClaimApi.claim;
import static org.claimflow.billing.support.RemittanceFixture.adjustment;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.claimflow.billing.support.EligibilityCheckedFixture;
import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.billing.support.RemittanceFixture;
import org.claimflow.localstack.AuditTrailChecks;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.Postgres;
import org.claimflow.localstack.RowLevelSecurityChecks;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.claimflow.localstack.TestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The audit trail of PHI access (issue #8): every response of an audited endpoint is one audit row, the successful ones
 * exactly the responses that returned or changed patient data (claims, their 837P, patient accounts, statements and
 * payments, remittances, AR aging); rows are append-only; no row means no patient data leaves; the compliance officer
 * finds a claim's, a patient's or an object's trail in their own practice only.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class AuditTrailTest {

    private static final String EDI_X12 = "application/edi-x12";
    private static final String ALL_ROLES = "admin,biller,coder,denial-specialist,front-desk,pms-client";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Marks an expected object id that is the created object's, read from the response's Location. */
    private static final String CREATED = "<created>";

    /** Who calls: a token (null: the default one of the practice) and what its audit row must say of the caller. */
    private record Who(String practice, String bearer, String actor, String roles) {
    }

    /** An invented patient whose name, date of birth and street must never reach an audit row. */
    private record Patient(String firstName, String lastName, String dateOfBirth, String street, String memberId) {

        Map<String, String> identifiers() {
            return Map.of(firstName, "patient first name", lastName, "patient last name", dateOfBirth, "patient date of birth",
                    street, "patient street address");
        }
    }

    /** The responses the test expects an audit row for. */
    private final List<AuditTrailChecks.ExpectedRow> expected = new ArrayList<>();

    private static Patient canary() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return new Patient("Canaryfirst" + tag, "Canarylast" + tag, "1931-07-19", "77 Canarystreet" + tag,
                "MAUD" + tag.toUpperCase());
    }

    /** A visit of the patient in the practice: its encounter, coded. */
    private static EncounterCodedFixture visit(Patient patient, String practice) {
        Map<String, Object> address = new LinkedHashMap<>(Map.of("line1", patient.street(), "city", "Springfield", "state", "IL",
                "postalCode", "62701"));
        address.put("line2", null);
        return EncounterCodedFixture.officeVisitForAda().practice(practice)
                .withNested("patient", "firstName", patient.firstName()).withNested("patient", "lastName", patient.lastName())
                .withNested("patient", "dateOfBirth", patient.dateOfBirth()).withNested("patient", "address", address)
                .withNested("coverage", "memberId", patient.memberId());
    }

    /** Sends the visit's encounter and returns its claim's id (the practice's default token must be in use). */
    private static String assembled(EncounterCodedFixture visit) {
        KafkaTestClient.send("claims.encounter-coded.v1", visit.encounterId(), visit.envelope());
        return awaitClaimOf(visit.encounterId());
    }

    private static void eligible(String claimId, EncounterCodedFixture visit) {
        KafkaTestClient.send("claims.eligibility-checked.v1", claimId,
                EligibilityCheckedFixture.eligible(claimId, visit.encounterId()).practice(visit.practiceId()).envelope());
    }

    private static String accountOf(Patient patient) {
        return await().atMost(WAIT).until(() -> {
            List<String> ids = given().queryParam("memberId", patient.memberId()).get("/api/v1/patients").then().statusCode(200)
                    .extract().jsonPath().getList("id");
            return ids.isEmpty() ? null : ids.get(0);
        }, id -> id != null);
    }

    private static String practice(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyAuditedResponseIsOneRowAndTheSuccessfulOnesAreExactlyThePhiResponses() throws SQLException {
        String p = practice("audit-count");
        String q = practice("audit-other");
        DefaultTestToken.actIn(p);
        Patient patient = canary();
        String member = patient.memberId();
        // A claim sent in an 837P, one held by the scrubber (a PO box as billing address), one assembled only.
        EncounterCodedFixture sentVisit = visit(patient, p);
        String sent = assembled(sentVisit);
        eligible(sent, sentVisit);
        EncounterCodedFixture heldVisit = visit(patient, p).withNested("billingProvider", "address",
                new LinkedHashMap<>(Map.of("line1", "PO Box 4410", "city", "Springfield", "state", "IL", "postalCode", "627011234")));
        String held = assembled(heldVisit);
        eligible(held, heldVisit);
        String open = assembled(visit(patient, p));
        String account = accountOf(patient);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get("/api/v1/claims/" + sent + "/x12").statusCode() == 200);
        awaitStatus(held, "SCRUB_HOLD", WAIT);
        String openPcn = claim(open).getString("patientControlNumber");
        // The waiting read claims and accounts: those rows are not this script's.
        Set<String> before = ids(p);

        Who biller = new Who(p, DefaultTestToken.bearer(p, "bill-biller", "biller"), "bill-biller", "biller");
        Who desk = new Who(p, DefaultTestToken.bearer(p, "fran-frontdesk", "front-desk"), "fran-frontdesk", "front-desk");
        Who pms = new Who(p, DefaultTestToken.bearer(p, "pat-pms", "pms-client"), "pat-pms", "pms-client");
        Who coder = new Who(p, DefaultTestToken.bearer(p, "cody-coder", "coder"), "cody-coder", "coder");
        Who officer = new Who(p, DefaultTestToken.bearer(p, "olive-officer", "admin"), "olive-officer", "admin");
        Who anyone = new Who(p, null, DefaultTestToken.USER, ALL_ROLES);
        Who intruder = new Who(q, DefaultTestToken.bearer(q, "ivan-intruder", "biller"), "ivan-intruder", "biller");

        // Claims: read (with history), list by encounter and by status, the 837P, a correction at the front door.
        audited(biller, r -> r.get("/api/v1/claims/" + sent), 200,
                "READ", "GET /api/v1/claims/{id}", "claim", sent, sent, member);
        audited(biller, r -> r.queryParam("encounterId", sentVisit.encounterId()).get("/api/v1/claims"), 200,
                "LIST", "GET /api/v1/claims", "claim", null, sent, member);
        audited(anyone, r -> r.queryParam("status", "ASSEMBLED").get("/api/v1/claims"), 200,
                "LIST", "GET /api/v1/claims", "claim", null, null, null);
        Response x12 = audited(biller, r -> r.get("/api/v1/claims/" + sent + "/x12"), 200,
                "READ", "GET /api/v1/claims/{id}/x12", "claim", sent, sent, member);
        assertTrue(x12.asString().startsWith("ISA") && x12.asString().contains(member), "the 837P is a PHI response");
        audited(desk, r -> r.contentType(ContentType.JSON).body(Map.of("billingProvider", Map.of("address",
                        Map.of("line1", "100 Clinic Way", "city", "Springfield", "state", "IL", "postalCode", "62701"))))
                        .post("/api/v1/claims/" + held + "/data-corrections"), 200,
                "UPDATE", "POST /api/v1/claims/{id}/data-corrections", "claim", held, held, member);
        // Patients: the search by member id, the account, the statement as JSON and as HTML, a payment and its read.
        audited(pms, r -> r.queryParam("memberId", member).get("/api/v1/patients"), 200,
                "LIST", "GET /api/v1/patients", "patient-account", null, null, member);
        audited(desk, r -> r.get("/api/v1/patients/" + account), 200,
                "READ", "GET /api/v1/patients/{accountId}", "patient-account", account, null, member);
        audited(desk, r -> r.get("/api/v1/patients/" + account + "/statement"), 200,
                "READ", "GET /api/v1/patients/{accountId}/statement", "patient-account", account, null, member);
        Response page = audited(desk, r -> r.accept(ContentType.HTML).get("/api/v1/patients/" + account + "/statement"), 200,
                "READ", "GET /api/v1/patients/{accountId}/statement", "patient-account", account, null, member);
        assertTrue(page.contentType().startsWith("text/html") && page.asString().contains(patient.lastName()),
                "the printable statement is a PHI response");
        Response payment = audited(desk, r -> r.header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(ContentType.JSON).body(Map.of("amount", "10.00", "method", "CASH"))
                        .post("/api/v1/patients/" + account + "/payments"), 201,
                "CREATE", "POST /api/v1/patients/{accountId}/payments", "patient-payment", CREATED, null, member);
        String paymentId = lastSegment(payment.getHeader("Location"));
        audited(desk, r -> r.get("/api/v1/patients/" + account + "/payments/" + paymentId), 200,
                "READ", "GET /api/v1/patients/{accountId}/payments/{paymentId}", "patient-payment", paymentId, null, member);
        // Remittances: an 835 uploaded (it names the patient) and read back; AR aging.
        String x835 = RemittanceFixture.payment().claim(openPcn).line(openPcn + "-1", "99213", "150.00", "92.00",
                adjustment("CO", "45", "58.00"), adjustment("PR", "3", "25.00")).done().build();
        Response upload = audited(biller, r -> r.contentType(EDI_X12).body(x835.getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/remittances"), 201,
                "CREATE", "POST /api/v1/remittances", "remittance", CREATED, null, null);
        String remittance = lastSegment(upload.getHeader("Location"));
        audited(biller, r -> r.get("/api/v1/remittances/" + remittance), 200,
                "READ", "GET /api/v1/remittances/{id}", "remittance", remittance, null, null);
        audited(biller, r -> r.get("/api/v1/ar/aging"), 200,
                "READ", "GET /api/v1/ar/aging", "ar-aging", null, null, null);
        // The compliance officer reads the trail, which is recorded as well.
        audited(officer, r -> r.queryParam("claimId", sent).get("/api/v1/audit-events"), 200,
                "LIST", "GET /api/v1/audit-events", "audit-trail", null, null, null);
        int phi = expected.size();

        // Not found, refused, rejected: evidence too, no patient data returned.
        String unknown = UUID.randomUUID().toString();
        audited(biller, r -> r.get("/api/v1/claims/" + unknown), 404,
                "READ", "GET /api/v1/claims/{id}", "claim", unknown, null, null);
        audited(coder, r -> r.get("/api/v1/claims/" + sent), 403,
                "READ", "GET /api/v1/claims/{id}", "claim", sent, null, null);
        audited(pms, r -> r.get("/api/v1/claims/" + sent + "/x12"), 403,
                "READ", "GET /api/v1/claims/{id}/x12", "claim", sent, null, null);
        audited(coder, r -> r.get("/api/v1/patients/" + account + "/statement"), 403,
                "READ", "GET /api/v1/patients/{accountId}/statement", "patient-account", account, null, null);
        // (The upload above paid the open claim: it is not held at the front door any more.)
        audited(biller, r -> r.contentType(ContentType.JSON).body(Map.of("memberId", member))
                        .post("/api/v1/claims/" + open + "/data-corrections"), 409,
                "UPDATE", "POST /api/v1/claims/{id}/data-corrections", "claim", open, open, member);
        audited(biller, r -> r.queryParam("size", 0).get("/api/v1/claims"), 400,
                "LIST", "GET /api/v1/claims", "claim", null, null, null);
        audited(biller, r -> r.queryParam("asOf", "soon").get("/api/v1/ar/aging"), 400,
                "READ", "GET /api/v1/ar/aging", "ar-aging", null, null, null);
        audited(desk, r -> r.header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                        .body(Map.of("amount", "-5.00", "method", "CASH")).post("/api/v1/patients/" + account + "/payments"), 400,
                "CREATE", "POST /api/v1/patients/{accountId}/payments", "patient-payment", null, null, null);
        audited(biller, r -> r.queryParam("claimId", sent).get("/api/v1/audit-events"), 403,
                "LIST", "GET /api/v1/audit-events", "audit-trail", null, null, null);
        audited(officer, r -> r.get("/api/v1/audit-events"), 400,
                "LIST", "GET /api/v1/audit-events", "audit-trail", null, null, null);
        // Another practice's claim and statement: not found, and filed under the intruder's practice.
        audited(intruder, r -> r.get("/api/v1/claims/" + sent), 404,
                "READ", "GET /api/v1/claims/{id}", "claim", sent, null, null);
        audited(intruder, r -> r.get("/api/v1/patients/" + account + "/statement"), 404,
                "READ", "GET /api/v1/patients/{accountId}/statement", "patient-account", account, null, null);
        // Not authenticated: nothing returned, nothing recorded.
        given().header("Authorization", "Bearer not-a-token").get("/api/v1/claims/" + sent).then().statusCode(401);

        Map<String, Map<String, Object>> rows = rows(p, before);
        List<AuditTrailChecks.ExpectedRow> inP = expected.stream().filter(e -> e.practice().equals(p)).toList();
        assertEquals(inP.size(), rows.size(), "one audit row per audited response of the practice: " + rows.keySet());
        long successRows = rows.values().stream().filter(r -> "SUCCESS".equals(r.get("outcome"))).count();
        assertEquals(phi, successRows, "the successful rows are exactly the PHI responses");
        assertEquals(phi, inP.stream().filter(e -> e.status() / 100 == 2).count());
        for (AuditTrailChecks.ExpectedRow e : inP) {
            assertEquals(List.of(), AuditTrailChecks.rowViolations(e, rows.get(e.requestId())));
        }
        Map<String, Map<String, Object>> other = rows(q, Set.of());
        List<AuditTrailChecks.ExpectedRow> inQ = expected.stream().filter(e -> e.practice().equals(q)).toList();
        assertEquals(inQ.size(), other.size());
        inQ.forEach(e -> assertEquals(List.of(), AuditTrailChecks.rowViolations(e, other.get(e.requestId()))));
        assertNoPatientData(patient);
    }

    @Test
    void theApplicationMayAddAuditRowsButNotChangeOrRemoveThemAndTheOwnerNeither() throws SQLException {
        String p = practice("audit-append");
        DefaultTestToken.actIn(p);
        String claim = assembled(visit(canary(), p));
        given().get("/api/v1/claims/" + claim).then().statusCode(200);
        Set<String> rows = ids(p);
        try (Connection owner = owner()) {
            assertEquals(List.of(), AuditTrailChecks.appendOnlyViolations(jdbcUrl(), owner, p));
        }
        assertEquals(rows, ids(p), "every row is still there, unchanged in number");
    }

    @Test
    void whenTheAuditRowCannotBeWrittenNoPatientDataIsReturned() throws SQLException {
        String p = practice("audit-down");
        DefaultTestToken.actIn(p);
        Patient patient = canary();
        EncounterCodedFixture visit = visit(patient, p);
        String claim = assembled(visit);
        String account = accountOf(patient);
        int rowsBefore = ids(p).size();
        try (Connection owner = owner(); Statement st = owner.createStatement()) {
            // Test-only: the audit insert fails as it would with the audit table unavailable. No production switch.
            st.execute("revoke insert on audit_event from " + Postgres.APP_ROLE);
            try {
                Map<String, Function<RequestSpecification, Response>> reads = new LinkedHashMap<>();
                reads.put("claim", r -> r.get("/api/v1/claims/" + claim));
                reads.put("claims of the encounter", r -> r.queryParam("encounterId", visit.encounterId()).get("/api/v1/claims"));
                reads.put("patient search", r -> r.queryParam("memberId", patient.memberId()).get("/api/v1/patients"));
                reads.put("statement", r -> r.get("/api/v1/patients/" + account + "/statement"));
                reads.put("printable statement", r -> r.accept(ContentType.HTML).get("/api/v1/patients/" + account + "/statement"));
                for (Map.Entry<String, Function<RequestSpecification, Response>> read : reads.entrySet()) {
                    Response withheld = read.getValue().apply(given());
                    String what = read.getKey();
                    assertEquals(503, withheld.statusCode(), what);
                    assertEquals(Problem.MEDIA_TYPE, withheld.contentType().split(";")[0], what);
                    assertEquals("/problems/audit-unavailable", withheld.jsonPath().getString("type"), what);
                    assertNotNull(withheld.getHeader("X-Request-Id"), what);
                    String body = withheld.asString();
                    // (The problem's instance is the path, which may hold the claim's or the account's id: no PHI.)
                    for (String data : List.of(patient.firstName(), patient.lastName(), patient.dateOfBirth(), patient.memberId(),
                            "patientControlNumber", "balance")) {
                        assertFalse(body.contains(data), what + " answered without patient data");
                    }
                }
            } finally {
                st.execute("grant insert on audit_event to " + Postgres.APP_ROLE);
            }
        }
        assertEquals(rowsBefore, ids(p).size());
        given().get("/api/v1/claims/" + claim).then().statusCode(200);
        assertEquals(rowsBefore + 1, ids(p).size());
    }

    @Test
    void theComplianceOfficerFindsAClaimsAPatientsAndAnObjectsTrailInTheirOwnPracticeOnly() throws SQLException {
        String p = practice("audit-find");
        DefaultTestToken.actIn(p);
        Patient patient = canary();
        String claim = assembled(visit(patient, p));
        String account = accountOf(patient);
        String reader = DefaultTestToken.bearer(p, "rita-reader", "front-desk");
        given().header("Authorization", DefaultTestToken.bearer(p, "rita-reader", "biller")).get("/api/v1/claims/" + claim)
                .then().statusCode(200);
        given().header("Authorization", reader).get("/api/v1/patients/" + account + "/statement").then().statusCode(200);
        String officer = DefaultTestToken.bearer(p, "olive-officer", "admin");

        given().header("Authorization", officer).queryParam("claimId", claim).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.claimId", everyItem(equalTo(claim)))
                .body("items.actor", hasItem("rita-reader"))
                .body("items.endpoint", hasItem("GET /api/v1/claims/{id}"))
                .body("items.practiceId", everyItem(equalTo(p)));
        // The patient's trail: the claim read and the statement read (an account is the patient's, not one claim's).
        given().header("Authorization", officer).queryParam("patientRef", patient.memberId()).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.patientRef", everyItem(equalTo(patient.memberId())))
                .body("items.endpoint", hasItems("GET /api/v1/claims/{id}", "GET /api/v1/patients/{accountId}/statement"))
                .body("items.objectId", hasItems(claim, account));
        given().header("Authorization", officer).queryParam("objectType", "patient-account").queryParam("objectId", account)
                .queryParam("from", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
                .queryParam("to", LocalDate.now(ZoneOffset.UTC).toString())
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items[0].objectId", equalTo(account)).body("items.objectType", everyItem(equalTo("patient-account")))
                .body("items.actor", hasItem("rita-reader")).body("items.roles", hasItem(List.of("front-desk")));
        // Newest first: the first row of the patient's trail is the latest read.
        given().header("Authorization", reader).get("/api/v1/patients/" + account).then().statusCode(200);
        int patientRows = (int) rows(p, Set.of()).values().stream().filter(r -> patient.memberId().equals(r.get("patient_ref"))).count();
        given().header("Authorization", officer).queryParam("patientRef", patient.memberId()).queryParam("size", 1)
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("size", equalTo(1)).body("total", equalTo(patientRows))
                .body("items[0].endpoint", equalTo("GET /api/v1/patients/{accountId}")).body("items[0].outcome", equalTo("SUCCESS"));
        // A period that ended before the reads finds none of them.
        given().header("Authorization", officer).queryParam("patientRef", patient.memberId())
                .queryParam("to", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
                .get("/api/v1/audit-events").then().statusCode(200).body("total", equalTo(0));

        // Another practice's compliance officer sees none of it: neither through the API nor, as the application role,
        // in the table (row-level security).
        String elsewhere = practice("audit-else");
        given().header("Authorization", DefaultTestToken.bearer(elsewhere, "otto-officer", "admin"))
                .queryParam("claimId", claim).get("/api/v1/audit-events").then().statusCode(200).body("total", equalTo(0));
        assertEquals((long) ids(p).size(), RowLevelSecurityChecks.rowsSeenByTheApplication(jdbcUrl(), p).get("audit_event"));
        assertEquals((long) ids(elsewhere).size(), RowLevelSecurityChecks.rowsSeenByTheApplication(jdbcUrl(), elsewhere).get("audit_event"),
                "another practice sees its own rows only");
        assertEquals(0L, RowLevelSecurityChecks.rowsSeenByTheApplication(jdbcUrl(), null).get("audit_event"));
        // Only admin reads the trail.
        for (String role : List.of("pms-client", "coder", "biller", "front-desk", "denial-specialist")) {
            given().header("Authorization", DefaultTestToken.bearer(p, "nosy", role)).queryParam("claimId", claim)
                    .get("/api/v1/audit-events").then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                    .body("type", equalTo("/problems/forbidden"));
        }
        // A filter is required; object type and id go together; ids, dates and periods must make sense.
        given().header("Authorization", officer).get("/api/v1/audit-events").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/validation"));
        given().header("Authorization", officer).queryParam("objectType", "claim").get("/api/v1/audit-events").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("objectId"));
        for (Map<String, String> bad : List.of(Map.of("claimId", "not-a-uuid"), Map.of("patientRef", patient.memberId(), "from", "yesterday"),
                Map.of("patientRef", patient.memberId(), "from", "2026-02-01", "to", "2026-01-01"),
                Map.of("patientRef", patient.memberId(), "size", "201"))) {
            given().header("Authorization", officer).queryParams(bad).get("/api/v1/audit-events").then().statusCode(400)
                    .contentType(Problem.MEDIA_TYPE).body("type", equalTo("/problems/validation"));
        }
        // The officer's own reads are in the trail.
        Map<String, Map<String, Object>> rows = rows(p, Set.of());
        assertTrue(rows.values().stream().anyMatch(r -> "audit-trail".equals(r.get("object_type"))
                && "olive-officer".equals(r.get("actor")) && "SUCCESS".equals(r.get("outcome"))), "compliance reads are audited");
        assertNoPatientData(patient);
    }

    // --- helpers ---

    private Response audited(Who who, Function<RequestSpecification, Response> call, int status, String action, String endpoint,
                             String objectType, String objectId, String claimId, String patientRef) {
        RequestSpecification request = given();
        if (who.bearer() != null) {
            request.header("Authorization", who.bearer());
        }
        Response response = call.apply(request);
        assertEquals(status, response.statusCode(), endpoint + ": " + response.asString());
        String requestId = response.getHeader("X-Request-Id");
        assertNotNull(requestId);
        String id = CREATED.equals(objectId) ? lastSegment(response.getHeader("Location")) : objectId;
        expected.add(new AuditTrailChecks.ExpectedRow(who.practice(), who.actor(), who.roles(), requestId, status, action,
                endpoint, objectType, id, claimId, patientRef));
        return response;
    }

    /** The canary's name, date of birth and street appear in no column of any audit row (its member id may). */
    private static void assertNoPatientData(Patient patient) throws SQLException {
        try (Connection owner = owner()) {
            assertEquals(List.of(), AuditTrailChecks.patientDataInRows(owner, patient.identifiers()));
        }
    }

    private static Set<String> ids(String practice) throws SQLException {
        try (Connection owner = owner()) {
            return AuditTrailChecks.rowIds(owner, practice);
        }
    }

    private static Map<String, Map<String, Object>> rows(String practice, Set<String> except) throws SQLException {
        try (Connection owner = owner()) {
            return AuditTrailChecks.rowsByRequestId(owner, practice, except);
        }
    }

    private static String lastSegment(String location) {
        assertNotNull(location);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static Connection owner() throws SQLException {
        return TestInfrastructure.get().postgres().connect("billing");
    }

    private static String jdbcUrl() {
        return TestInfrastructure.get().postgres().jdbcUrl("billing");
    }
}
