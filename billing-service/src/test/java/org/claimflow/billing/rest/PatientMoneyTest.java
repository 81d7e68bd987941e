package org.claimflow.billing.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.billing.support.ClaimApi.assertReconciles;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.claimflow.billing.support.ClaimApi.claim;
import static org.claimflow.billing.support.ClaimApi.money;
import static org.claimflow.billing.support.RemittanceFixture.adjustment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.billing.persistence.PracticeScope;
import org.claimflow.billing.support.ClaimApi;
import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.billing.support.RemittanceFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Money after adjudication: patient ledger, payments, statements and AR aging. Every test works in a practice
 * of its own, so other tests' claims never show in its accounts or aging.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PatientMoneyTest {

    private static final String EDI_X12 = "application/edi-x12";

    @Inject
    EntityManager em;

    private record Visit(String practiceId, String memberId, String claimId, String pcn) {
    }

    /** A practice of the test's own, which the default token now names (the practice is the caller's). */
    private static String newPractice() {
        String practice = "pm-" + UUID.randomUUID().toString().substring(0, 8);
        DefaultTestToken.actIn(practice);
        return practice;
    }

    /** An office visit (99213 at 150.00: the practice has no charge master) assembled and never sent. */
    private static Visit visit(String practiceId, String memberId, String dateOfService) {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForAda().practice(practiceId)
                .withNested("coverage", "memberId", memberId).with("dateOfService", dateOfService);
        KafkaTestClient.send("claims.encounter-coded.v1", encounter.encounterId(), encounter.envelope());
        String claimId = awaitClaimOf(encounter.encounterId());
        return new Visit(practiceId, memberId, claimId, claim(claimId).getString("patientControlNumber"));
    }

    /** Allowed 92.00: PR-3 copay 25.00, then PR-2 20% coinsurance 13.40 on the 67.00 left; the payer pays 53.60. */
    private static RemittanceFixture paidWithCopayAndCoinsurance(Visit visit) {
        return RemittanceFixture.payment().claim(visit.pcn())
                .line(visit.pcn() + "-1", "99213", "150.00", "92.00",
                        adjustment("CO", "45", "58.00"), adjustment("PR", "3", "25.00"), adjustment("PR", "2", "13.40"))
                .done();
    }

    private static RemittanceFixture reversalOfCopayAndCoinsurance(Visit visit) {
        return RemittanceFixture.payment().claim(visit.pcn()).status("22")
                .line(visit.pcn() + "-1", "99213", "-150.00", null,
                        adjustment("CO", "45", "-58.00"), adjustment("PR", "3", "-25.00"), adjustment("PR", "2", "-13.40"))
                .done();
    }

    private static void post(RemittanceFixture remittance) {
        given().contentType(EDI_X12).body(remittance.build().getBytes(StandardCharsets.UTF_8)).post("/api/v1/remittances")
                .then().statusCode(201);
    }

    private static String accountOf(Visit visit) {
        List<String> ids = given().queryParam("practiceId", visit.practiceId()).queryParam("memberId", visit.memberId())
                .get("/api/v1/patients").then().statusCode(200).extract().jsonPath().getList("id");
        assertEquals(1, ids.size(), "one account per practice, payer and member id");
        return ids.get(0);
    }

    private static io.restassured.response.Response pay(String accountId, String key, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/patients/" + accountId + "/payments");
    }

    private static JsonPath statement(String accountId) {
        return given().accept(ContentType.JSON).get("/api/v1/patients/" + accountId + "/statement").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    /** Visits reconcile and the totals are the sums of the visits; balance = responsibility − paid. */
    private static void assertStatementReconciles(JsonPath s) {
        BigDecimal visitBalances = BigDecimal.ZERO;
        for (Map<String, String> v : s.<Map<String, String>>getList("visits")) {
            assertEquals(money(v.get("charged")), money(v.get("insurancePaid")).add(money(v.get("adjustments")))
                    .add(money(v.get("patientResponsibility"))).add(money(v.get("insurancePending"))), "visit charged reconciles");
            assertEquals(money(v.get("balance")), money(v.get("patientResponsibility")).subtract(money(v.get("patientPaid"))));
            visitBalances = visitBalances.add(money(v.get("balance")));
        }
        for (String column : List.of("charged", "insurancePaid", "adjustments", "insurancePending", "patientResponsibility")) {
            BigDecimal sum = s.<Map<String, String>>getList("visits").stream().map(v -> money(v.get(column)))
                    .reduce(new BigDecimal("0.00"), BigDecimal::add);
            assertEquals(sum, money(s.getString("totals." + column)), "total " + column);
        }
        BigDecimal paid = s.<Map<String, String>>getList("payments").stream().map(p -> money(p.get("amount")))
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
        assertEquals(paid, money(s.getString("totals.patientPaid")));
        BigDecimal balance = money(s.getString("totals.balance"));
        assertEquals(balance, money(s.getString("totals.patientResponsibility")).subtract(paid));
        assertEquals(balance, visitBalances.subtract(money(s.getString("totals.unappliedCredit"))));
    }

    @Test
    void turnsCopayAndCoinsuranceIntoThePatientsBalanceAndStatement() {
        Visit visit = visit(newPractice(), "M123456789", "2026-10-14");
        post(paidWithCopayAndCoinsurance(visit));

        JsonPath paid = claim(visit.claimId());
        assertEquals("PAID", paid.getString("status"));
        assertEquals("38.40", paid.getString("amounts.patientResponsibility"));
        assertReconciles(paid);

        String account = accountOf(visit);
        given().get("/api/v1/patients/" + account).then().statusCode(200).body("balance", equalTo("38.40"))
                .body("payerId", equalTo("SANDBOX-PPO"));
        JsonPath s = statement(account);
        assertEquals(1, s.getList("visits").size());
        assertEquals("2026-10-14", s.getString("visits[0].dateOfService"));
        assertEquals(visit.claimId(), s.getString("visits[0].claimId"));
        assertEquals(List.of("99213"), s.getList("visits[0].procedureCodes"));
        assertEquals("150.00", s.getString("visits[0].charged"));
        assertEquals("53.60", s.getString("visits[0].insurancePaid"));
        assertEquals("58.00", s.getString("visits[0].adjustments"));
        assertEquals("38.40", s.getString("visits[0].patientResponsibility"));
        assertEquals("0.00", s.getString("visits[0].patientPaid"));
        assertEquals("38.40", s.getString("totals.balance"));
        assertStatementReconciles(s);
    }

    @Test
    void aPatientPaymentLowersThePatientBalanceButNotTheClaimsInsuranceFigures() {
        Visit visit = visit(newPractice(), "M123456789", "2026-10-14");
        post(paidWithCopayAndCoinsurance(visit));
        String account = accountOf(visit);
        JsonPath before = claim(visit.claimId());

        String key = UUID.randomUUID().toString();
        var first = pay(account, key, "{\"amount\":\"25.00\",\"method\":\"CARD\",\"reference\":\"AUTH-1\"}");
        first.then().statusCode(201).header("Location", containsString("/api/v1/patients/" + account + "/payments/"))
                .body("balanceAfter", equalTo("13.40")).body("creditBalance", equalTo(false)).body("amount", equalTo("25.00"));
        String paymentId = first.path("paymentId");
        pay(account, key, "{\"amount\":\"25.00\",\"method\":\"CARD\",\"reference\":\"AUTH-1\"}").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("paymentId", equalTo(paymentId));
        pay(account, key, "{\"amount\":\"26.00\",\"method\":\"CARD\",\"reference\":\"AUTH-1\"}").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("/problems/idempotency-key-reused"));
        given().get(first.header("Location")).then().statusCode(200).body("amount", equalTo("25.00")).body("method", equalTo("CARD"));

        JsonPath after = claim(visit.claimId());
        assertEquals(before.getString("amounts"), after.getString("amounts"), "patient money never changes the claim's amounts");
        assertReconciles(after);
        JsonPath s = statement(account);
        assertEquals("25.00", s.getString("visits[0].patientPaid"));
        assertEquals("13.40", s.getString("totals.balance"));
        assertStatementReconciles(s);
    }

    @Test
    void acceptsAPaymentLargerThanTheBalanceAndSaysTheAccountHasACredit() {
        Visit visit = visit(newPractice(), "M123456789", "2026-10-14");
        post(paidWithCopayAndCoinsurance(visit));
        String account = accountOf(visit);

        pay(account, null, "{\"amount\":\"50\",\"method\":\"CHECK\",\"reference\":\"1042\"}").then().statusCode(201)
                .body("balanceAfter", equalTo("-11.60")).body("creditBalance", equalTo(true))
                .body("notice", containsString("credit balance of 11.60"));
        JsonPath s = statement(account);
        assertEquals("38.40", s.getString("visits[0].patientPaid"));
        assertEquals("0.00", s.getString("visits[0].balance"));
        assertEquals("11.60", s.getString("totals.unappliedCredit"));
        assertEquals("-11.60", s.getString("totals.balance"));
        assertStatementReconciles(s);
        given().accept(ContentType.HTML).get("/api/v1/patients/" + account + "/statement").then().statusCode(200)
                .body(containsString("Credit on your account: 11.60. Nothing is due."));
    }

    @Test
    void aReversalTakesThePatientResponsibilityBack() {
        Visit visit = visit(newPractice(), "M123456789", "2026-10-14");
        post(paidWithCopayAndCoinsurance(visit));
        String account = accountOf(visit);
        post(reversalOfCopayAndCoinsurance(visit));

        JsonPath reversed = claim(visit.claimId());
        assertEquals("REVERSED", reversed.getString("status"));
        assertEquals("0.00", reversed.getString("amounts.patientResponsibility"));
        assertEquals("150.00", reversed.getString("amounts.outstanding"), "back with the payer until it adjudicates again");
        assertReconciles(reversed);
        given().get("/api/v1/patients/" + account).then().body("balance", equalTo("0.00"));
        JsonPath s = statement(account);
        assertEquals("0.00", s.getString("visits[0].patientResponsibility"));
        assertEquals("150.00", s.getString("visits[0].insurancePending"));
        assertStatementReconciles(s);

        post(paidWithCopayAndCoinsurance(visit));
        given().get("/api/v1/patients/" + account).then().body("balance", equalTo("38.40"));
        assertReconciles(claim(visit.claimId()));
    }

    @Test
    void printsTheStatementAsAnHtmlPageWithTheVisitAndTheBalance() {
        Visit visit = visit(newPractice(), "M123456789", "2026-10-14");
        post(paidWithCopayAndCoinsurance(visit));
        String account = accountOf(visit);
        pay(account, null, "{\"amount\":\"10.00\",\"method\":\"CASH\"}").then().statusCode(201);

        String html = given().accept(ContentType.HTML).get("/api/v1/patients/" + account + "/statement").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("2026-10-14"), "date of service");
        assertTrue(html.contains(visit.pcn()), "the claim");
        assertTrue(html.contains("99213"), "the code");
        assertTrue(html.contains("Amount due: 28.40"), html);
        assertTrue(html.contains("Ada Lovelace"));
        given().get("/api/v1/patients/" + account + "/statement").then().statusCode(200).contentType(ContentType.JSON)
                .body("totals.balance", equalTo("28.40"));
    }

    @Test
    void refusesAnInvalidPaymentWithAValidationProblem() {
        Visit visit = visit(newPractice(), "M123456789", "2026-10-14");
        String account = accountOf(visit);
        for (String body : List.of("{\"amount\":\"0\",\"method\":\"CASH\"}", "{\"amount\":\"-5.00\",\"method\":\"CASH\"}",
                "{\"amount\":\"25.001\",\"method\":\"CASH\"}", "{\"method\":\"CASH\"}", "{\"amount\":\"25.00\"}")) {
            pay(account, null, body).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("/problems/validation")).body("errors.field", not(hasItem("body")));
        }
        for (String body : List.of("{\"amount\":\"ten\",\"method\":\"CASH\"}", "{\"amount\":\"5.00\",\"method\":\"BITCOIN\"}",
                "{\"amount\":\"5.00\",\"method\":\"CASH\",\"tip\":\"1.00\"}")) {
            pay(account, null, body).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("/problems/validation"));
        }
        pay(account, null, "{not json").then().statusCode(400).contentType("application/problem+json");
        pay(UUID.randomUUID().toString(), null, "{\"amount\":\"5.00\",\"method\":\"CASH\"}").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-found"));
        given().get("/api/v1/patients/" + account).then().body("balance", equalTo("0.00"));
        given().get("/api/v1/patients").then().statusCode(400).body("type", equalTo("/problems/validation"));
    }

    private void setStatus(String claimId, String status) {
        // As the practice the test works in (row-level security).
        PracticeScope.run(DefaultTestToken.practice(), () -> QuarkusTransaction.requiringNew().run(() -> em.createQuery("update Claim set status = :s where id = :id")
                .setParameter("s", org.claimflow.billing.domain.ClaimStatus.valueOf(status))
                .setParameter("id", UUID.fromString(claimId)).executeUpdate()));
    }

    @Test
    void agesInsuranceAndPatientBalancesByDaysSinceTheDateOfService() {
        String practice = newPractice();
        LocalDate asOf = LocalDate.of(2026, 11, 20);
        setStatus(visit(practice, "M111111111", asOf.minusDays(10).toString()).claimId(), "SUBMITTED");
        setStatus(visit(practice, "M222222222", asOf.minusDays(80).toString()).claimId(), "ACCEPTED");
        setStatus(visit(practice, "M222222222", asOf.plusDays(5).toString()).claimId(), "SUBMITTED");
        visit(practice, "M333333333", asOf.minusDays(118).toString()); // assembled, never billed: not receivable
        Visit old = visit(practice, "M444444444", asOf.minusDays(233).toString());
        Visit recent = visit(practice, "M444444444", asOf.minusDays(50).toString());
        post(paidWithCopayAndCoinsurance(old));
        post(RemittanceFixture.payment().claim(recent.pcn())
                .line(recent.pcn() + "-1", "99213", "150.00", "92.00", adjustment("CO", "45", "58.00"), adjustment("PR", "3", "25.00"))
                .done());
        pay(accountOf(recent), null, "{\"amount\":\"30.00\",\"method\":\"CASH\"}").then().statusCode(201);

        JsonPath aging = given().queryParam("practiceId", practice).queryParam("asOf", asOf.toString()).get("/api/v1/ar/aging")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("DATE_OF_SERVICE", aging.getString("agedBy"));
        assertEquals(List.of("SANDBOX-PPO"), aging.getList("payers.payerId"));
        assertEquals("150.00", aging.getString("payers[0].buckets.days0To30"));
        assertEquals("0.00", aging.getString("payers[0].buckets.days31To60"));
        assertEquals("150.00", aging.getString("payers[0].buckets.days61To90"));
        assertEquals("300.00", aging.getString("payers[0].total"));
        assertEquals(2, aging.getInt("payers[0].items"));
        // The 30.00 payment went to the oldest visit first: 38.40 - 30.00 = 8.40 left over 120 days, 25.00 at 50 days.
        assertEquals("8.40", aging.getString("patients.buckets.over120"));
        assertEquals("25.00", aging.getString("patients.buckets.days31To60"));
        assertEquals("33.40", aging.getString("patients.total"));
        assertEquals("0.00", aging.getString("patientCredits"));
        assertEquals("333.40", aging.getString("total.total"));
        assertEquals("150.00", aging.getString("total.buckets.days0To30"));

        given().queryParam("practiceId", practice).queryParam("asOf", "20-11-2026").get("/api/v1/ar/aging").then().statusCode(400)
                .contentType("application/problem+json");
        // The practice is the caller's: a practiceId naming another one is refused, none at all is the caller's.
        given().queryParam("practiceId", "someone-else").get("/api/v1/ar/aging").then().statusCode(403)
                .body("type", equalTo("/problems/forbidden"));
        given().queryParam("asOf", asOf.toString()).get("/api/v1/ar/aging").then().statusCode(200).body("total.total", equalTo("333.40"));
    }

    /** Runs last in this class: every claim that this and the earlier test classes created, in whatever status, reconciles. */
    @Test
    @Order(Integer.MAX_VALUE)
    void everyClaimInTheDatabaseReconcilesToTheCent() {
        // The API lists one practice's claims (the caller's): read them practice by practice.
        @SuppressWarnings("unchecked")
        List<String> practices = PracticeScope.acrossPractices(() -> QuarkusTransaction.requiringNew().call(
                () -> em.createQuery("select distinct c.practiceId from Claim c").getResultList()));
        int checked = 0;
        for (String practice : practices) {
            DefaultTestToken.actIn(practice);
            checked += ClaimApi.assertEveryClaimReconciles();
        }
        assertTrue(checked >= 10, "the tests above created claims");
    }
}
