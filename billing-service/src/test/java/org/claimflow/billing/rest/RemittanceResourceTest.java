package org.claimflow.billing.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.billing.support.ClaimApi.assertReconciles;
import static org.claimflow.billing.support.ClaimApi.awaitClaimOf;
import static org.claimflow.billing.support.ClaimApi.claim;
import static org.claimflow.billing.support.RemittanceFixture.adjustment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.claimflow.billing.support.EncounterCodedFixture;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.billing.support.RemittanceFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class RemittanceResourceTest {

    private static final String EDI_X12 = "application/edi-x12";

    /** A claim assembled from Dijkstra's office visit (99213 at 150.00); never sent, so no sandbox 835 competes. */
    private static JsonPath assembledClaim() {
        EncounterCodedFixture encounter = EncounterCodedFixture.officeVisitForDijkstra();
        KafkaTestClient.send("claims.encounter-coded.v1", encounter.encounterId(), encounter.envelope());
        return claim(awaitClaimOf(encounter.encounterId()));
    }

    private static RemittanceFixture paidInFull(JsonPath claim) {
        String pcn = claim.getString("patientControlNumber");
        return RemittanceFixture.payment().claim(pcn)
                .line(pcn + "-1", "99213", "150.00", "92.00", adjustment("CO", "45", "58.00"))
                .done();
    }

    private static Response post(String x12) {
        return given().contentType(EDI_X12).body(x12.getBytes(StandardCharsets.UTF_8)).post("/api/v1/remittances");
    }

    @Test
    void postsARemittanceToItsClaimAndAnswers201() {
        JsonPath claim = assembledClaim();
        String claimId = claim.getString("id");
        post(paidInFull(claim).build()).then().statusCode(201)
                .header("Location", containsString("/api/v1/remittances/"))
                .body("claimsPosted", equalTo(1))
                .body("unmatched", equalTo(0))
                .body("duplicate", equalTo(false))
                .body("remittanceId", notNullValue());

        JsonPath paid = claim(claimId);
        assertEquals("PAID", paid.getString("status"));
        assertEquals("92.00", paid.getString("amounts.paid"));
        assertEquals("58.00", paid.getString("amounts.adjusted"));
        assertEquals("0.00", paid.getString("amounts.outstanding"));
        assertReconciles(paid);
        KafkaTestClient.await("claims.claim-adjudicated.v1", r -> claimId.equals(r.key()), Duration.ofSeconds(30));
    }

    @Test
    void postsTheSameRemittanceOnlyOnce() {
        JsonPath claim = assembledClaim();
        String claimId = claim.getString("id");
        RemittanceFixture remittance = paidInFull(claim);
        String x12 = remittance.build();
        String remittanceId = post(x12).then().statusCode(201).extract().path("remittanceId");

        post(x12).then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("duplicate", equalTo(true))
                .body("remittanceId", equalTo(remittanceId));
        // The same payment re-sent in a new interchange is recognised by the payer's trace number.
        post(remittance.interchange("000000999").build()).then().statusCode(200)
                .body("duplicate", equalTo(true))
                .body("remittanceId", equalTo(remittanceId));

        JsonPath after = claim(claimId);
        assertEquals("92.00", after.getString("amounts.paid"), "paid once, not three times");
        assertEquals(1, after.getList("history.findAll { it.kind == 'PAID' }").size());
        assertReconciles(after);
        assertEquals(1, KafkaTestClient.collect("claims.claim-adjudicated.v1", r -> claimId.equals(r.key()), Duration.ofSeconds(3)).size());
    }

    @Test
    void refusesAnUnbalancedRemittanceWholeAndPostsNothing() {
        JsonPath claim = assembledClaim();
        String claimId = claim.getString("id");
        post(paidInFull(claim).offBy("1.00").build()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unbalanced-remittance"))
                .body("violations", hasSize(1))
                .body("violations[0]", containsString("BPR02"))
                .body(not(containsString("LOVELACE")));

        JsonPath after = claim(claimId);
        assertEquals("ASSEMBLED", after.getString("status"));
        assertEquals("0.00", after.getString("amounts.paid"));
        assertEquals("150.00", after.getString("amounts.outstanding"));
        assertReconciles(after);
        // Refused means not stored: the corrected file posts normally afterwards.
        post(paidInFull(claim).build()).then().statusCode(201);
    }

    @Test
    void keepsAPaymentForAnUnknownClaimAsUnmatched() {
        String x12 = RemittanceFixture.payment().claim("CFNOSUCHCLAIM0000000")
                .line(null, "99213", "150.00", "92.00", adjustment("CO", "45", "58.00")).done().build();
        String id = post(x12).then().statusCode(201)
                .body("claimsPosted", equalTo(0))
                .body("unmatched", equalTo(1))
                .extract().path("remittanceId");
        given().get("/api/v1/remittances/" + id).then().statusCode(200)
                .body("status", equalTo("POSTED"))
                .body("unmatched", equalTo(1))
                .body("paymentAmount", equalTo("92.00"));
    }

    @Test
    void matchesALineWithoutItsControlNumberByCodeAndDate() {
        JsonPath claim = assembledClaim();
        String pcn = claim.getString("patientControlNumber");
        String x12 = RemittanceFixture.payment().claim(pcn)
                .line(null, "99213", "150.00", "92.00", adjustment("CO", "45", "58.00")).done().build();
        post(x12).then().statusCode(201).body("claimsPosted", equalTo(1));
        JsonPath after = claim(claim.getString("id"));
        assertEquals("92.00", after.getString("lines[0].paidAmount"));
        assertReconciles(after);
    }

    @Test
    void answersGarbageWithAnInvalidX12Problem() {
        post("this is not X12 at all").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-x12"))
                .body("status", equalTo(400))
                .body(not(containsString("Exception")));
    }

    @Test
    void answersATruncatedFileWithAnInvalidX12Problem() {
        String x12 = paidInFull(assembledClaim()).build();
        post(x12.substring(0, x12.indexOf("SVC*"))).then().statusCode(400)
                .body("type", equalTo("/problems/invalid-x12"));
    }

    @Test
    void refusesAnIdempotencyKeyReusedWithAnotherFile() {
        JsonPath claim = assembledClaim();
        String key = UUID.randomUUID().toString();
        given().contentType(EDI_X12).header("Idempotency-Key", key).body(paidInFull(claim).build().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/remittances").then().statusCode(201);
        given().contentType(EDI_X12).header("Idempotency-Key", key).body(paidInFull(claim).trace("OTHER1").build().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/remittances").then().statusCode(422)
                .body("type", equalTo("/problems/idempotency-key-reused"));
    }

    @Test
    void refusesAJsonBodyWith415() {
        given().contentType("application/json").body("{}").post("/api/v1/remittances").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void answers404ProblemsForUnknownClaimsAndRemittances() {
        given().get("/api/v1/claims/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("instance", containsString("/api/v1/claims/"));
        given().get("/api/v1/remittances/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void listsClaimsByPracticeAndStatus() {
        JsonPath claim = assembledClaim();
        given().queryParam("practiceId", "demo-practice").queryParam("status", "ASSEMBLED").queryParam("size", 200)
                .get("/api/v1/claims").then().statusCode(200)
                .body("items.id", hasItem(claim.getString("id")))
                .body("size", equalTo(200));
        given().queryParam("size", 500).get("/api/v1/claims").then().statusCode(400)
                .body("type", equalTo("/problems/validation"));
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("claimflow_outbox_backlog"));
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/claims/{id}/x12"))
                .body(containsString("/api/v1/remittances"));
    }

    @Test
    void postsProviderLevelAdjustmentsAndTheBalanceHonoursThem() {
        JsonPath claim = assembledClaim();
        String claimId = claim.getString("id");
        // Claims paid 92.00; PLB: L6 interest −3.25 adds to the payment, WO recovery 20.00 and FB 10.00 take from it.
        RemittanceFixture remittance = paidInFull(claim)
                .providerAdjustment("L6", "INTEREST0001", "-3.25")
                .providerAdjustment("WO", "SBX000000000042", "20.00")
                .providerAdjustment("FB", "FB20261231", "10.00");
        assertEquals("65.25", remittance.totalPaid().toPlainString(), "BPR02 = 92.00 − (−3.25 + 20.00 + 10.00)");
        String remittanceId = post(remittance.build()).then().statusCode(201).body("claimsPosted", equalTo(1))
                .extract().jsonPath().getString("remittanceId");

        JsonPath view = given().get("/api/v1/remittances/" + remittanceId).then().statusCode(200).extract().jsonPath();
        assertEquals("65.25", view.getString("paymentAmount"));
        assertEquals("92.00", view.getString("claimsPaid"));
        assertEquals("26.75", view.getString("providerAdjustmentTotal"));
        assertEquals(java.util.List.of("L6", "WO", "FB"), view.getList("providerAdjustments.reasonCode"));
        assertEquals(java.util.List.of("-3.25", "20.00", "10.00"), view.getList("providerAdjustments.amount"));
        assertEquals(java.util.List.of("INTEREST0001", "SBX000000000042", "FB20261231"), view.getList("providerAdjustments.referenceId"));
        // No claim reports AMT*I, so the L6 is not checked against claim interest (X12 RFI 2123: unless it nets to 0).
        assertEquals(java.util.List.of(), view.getList("warnings"));
        // claims paid − PLB = BPR02, to the cent
        assertEquals(new java.math.BigDecimal(view.getString("paymentAmount")),
                new java.math.BigDecimal(view.getString("claimsPaid")).subtract(new java.math.BigDecimal(view.getString("providerAdjustmentTotal"))));

        // Provider-level money touches no claim: the claim is paid 92.00 and reconciles.
        JsonPath paid = claim(claimId);
        assertEquals("PAID", paid.getString("status"));
        assertEquals("92.00", paid.getString("amounts.paid"));
        assertEquals("0.00", paid.getString("amounts.interest"));
        assertReconciles(paid);
    }

    @Test
    void refusesARemittanceWhosePaymentIgnoresItsProviderAdjustments() {
        JsonPath claim = assembledClaim();
        // BPR02 says 92.00 although a WO recovery of 20.00 was taken: the file does not balance.
        RemittanceFixture remittance = paidInFull(claim).providerAdjustment("WO", "SBX000000000042", "20.00").offBy("20.00");
        post(remittance.build()).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unbalanced-remittance"))
                .body("violations[0]", containsString("provider adjustments 20.00"));
        assertEquals("ASSEMBLED", claim(claim.getString("id")).getString("status"), "nothing posted");
    }

    /** Paid in full (CLP04 92.00) with interest 1.25 (AMT*I) on the claim. */
    private static RemittanceFixture paidInFullWithInterest(JsonPath claim) {
        String pcn = claim.getString("patientControlNumber");
        return RemittanceFixture.payment().claim(pcn)
                .line(pcn + "-1", "99213", "150.00", "92.00", adjustment("CO", "45", "58.00")).interest("1.25").done();
    }

    private static JsonPath remittance(Response posted) {
        String id = posted.then().statusCode(201).body("claimsPosted", equalTo(1)).extract().jsonPath().getString("remittanceId");
        return given().get("/api/v1/remittances/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void postsClaimInterestBesideThePaymentOfTheChargeAndThePlbPaysIt() {
        JsonPath claim = assembledClaim();
        String claimId = claim.getString("id");
        // CLP04 92.00 = 150.00 − CO-45 58.00; AMT*I 1.25 is information; PLB L6 −1.25 pays it: BPR02 = 92.00 + 1.25.
        String x12 = paidInFullWithInterest(claim).build();
        assertTrue(x12.contains("*150.00*92.00*") && x12.contains("~AMT*I*1.25~") && x12.contains("*L6:CLAIMINTEREST*-1.25~")
                && x12.contains("BPR*I*93.25*"), x12);
        JsonPath view = remittance(post(x12));
        assertEquals("93.25", view.getString("paymentAmount"));
        assertEquals("92.00", view.getString("claimsPaid"));
        assertEquals("-1.25", view.getString("providerAdjustmentTotal"));
        assertEquals(java.util.List.of(), view.getList("warnings"), "L6 = −ΣAMT*I");

        JsonPath paid = claim(claimId);
        assertEquals("PAID", paid.getString("status"));
        assertEquals("92.00", paid.getString("amounts.paid"), "all of CLP04");
        assertEquals("1.25", paid.getString("amounts.interest"));
        assertEquals("58.00", paid.getString("amounts.adjusted"));
        assertEquals("0.00", paid.getString("amounts.outstanding"));
        assertReconciles(paid);
        assertTrue(paid.getList("history.detail", String.class).stream()
                .anyMatch(d -> d.contains("paid 92.00") && d.contains("interest 1.25 (AMT*I")), paid.prettify());
    }

    @Test
    void postsAFileWhosePlbInterestIsNotTheClaimsInterestAndWarnsOfIt() {
        JsonPath claim = assembledClaim();
        String claimId = claim.getString("id");
        // AMT*I 1.25, but PLB L6 pays 0.25: BPR02 = 92.00 + 0.25 still balances, so the file posts, with a warning.
        JsonPath view = remittance(post(paidInFullWithInterest(claim).providerAdjustment("L6", "INTEREST0001", "-0.25").build()));
        assertEquals("92.25", view.getString("paymentAmount"));
        assertEquals("POSTED", view.getString("status"));
        assertEquals(java.util.List.of(), view.getList("problems"));
        java.util.List<String> warnings = view.getList("warnings", String.class);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("interest (AMT*I) of 1.25 in all, so PLB L6 should total -1.25, but it totals -0.25"),
                warnings.get(0));
        assertFalse(warnings.get(0).contains("LOVELACE"), "no patient data");

        JsonPath paid = claim(claimId);
        assertEquals("92.00", paid.getString("amounts.paid"));
        assertEquals("1.25", paid.getString("amounts.interest"), "as the claim reported it");
        assertReconciles(paid);
    }

    @Test
    void refusesAClaimWhosePaymentIncludesItsInterest() {
        JsonPath claim = assembledClaim();
        // The wrong reading of AMT*I: CLP04 93.25 = 150.00 − 58.00 + 1.25 and no PLB L6. BPR02 93.25 adds up; the claim does not.
        String x12 = paidInFullWithInterest(claim).interestInClaimPayment().build();
        assertTrue(x12.contains("*150.00*93.25*") && x12.contains("~AMT*I*1.25~") && !x12.contains("PLB*"), x12);
        post(x12).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unbalanced-remittance"))
                .body("violations", hasSize(2))
                .body("violations[0]", containsString("charge 150.00 − adjustments 58.00 (claim 0, lines 58.00) = 92.00 but paid is 93.25"))
                .body("violations[0]", containsString("AMT*I interest 1.25 is information only, not part of CLP04"))
                .body("violations[1]", containsString("lines paid 92.00 − claim adjustments 0 = 92.00 but paid is 93.25"))
                .body(not(containsString("LOVELACE")));
        assertEquals("ASSEMBLED", claim(claim.getString("id")).getString("status"), "nothing posted");
    }

    @Test
    void refusesAClaimPaidMoreThanItsChargeWithoutInterestToExplainIt() {
        JsonPath claim = assembledClaim();
        // CLP04 93.25 and no AMT*I: 150.00 − 58.00 ≠ 93.25.
        String x12 = paidInFullWithInterest(claim).interestInClaimPayment().build().replace("AMT*I*1.25~", "");
        post(x12).then().statusCode(422).body("type", equalTo("/problems/unbalanced-remittance"))
                .body("violations[0]", not(containsString("AMT*I")));
        assertEquals("ASSEMBLED", claim(claim.getString("id")).getString("status"));
    }

    @Test
    void aReversalTakesTheInterestBackWithThePayment() {
        JsonPath claim = assembledClaim();
        String claimId = claim.getString("id");
        String pcn = claim.getString("patientControlNumber");
        remittance(post(paidInFullWithInterest(claim).build()));
        // CLP02 22 negates every amount, AMT*I too; its PLB L6 +1.25 takes the interest back.
        JsonPath view = remittance(post(RemittanceFixture.payment().claim(pcn).status("22")
                .line(pcn + "-1", "99213", "-150.00", null, adjustment("CO", "45", "-58.00")).interest("-1.25").done().build()));
        assertEquals("-93.25", view.getString("paymentAmount"));
        assertEquals(java.util.List.of(), view.getList("warnings"));

        JsonPath reversed = claim(claimId);
        assertEquals("REVERSED", reversed.getString("status"));
        assertEquals("0.00", reversed.getString("amounts.paid"));
        assertEquals("0.00", reversed.getString("amounts.interest"));
        assertEquals("150.00", reversed.getString("amounts.outstanding"));
        assertReconciles(reversed);
    }
}
