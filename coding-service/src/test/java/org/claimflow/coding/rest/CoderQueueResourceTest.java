package org.claimflow.coding.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.localstack.KafkaTestClient;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The coder work queue: corrections, overrides and provider queries on held encounters. */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class CoderQueueResourceTest {

    private static final String CODED_TOPIC = "claims.encounter-coded.v1";

    @BeforeEach
    void codeSetsLoaded() {
        CodeSetsReady.await();
    }

    /** 99213 billed with 15780 and no modifier: NCCI PTP 15780/99213 (modifier indicator 1) holds it. */
    private static List<Map<String, Object>> visitWithDermabrasion(List<String> emModifiers) {
        return List.of(EncounterFixture.line("99213", emModifiers, 1, List.of(1, 2), "150.00"),
                EncounterFixture.line("15780", List.of(), 1, List.of(1), "900.00"));
    }

    private static String heldPtpEncounter() {
        return given().contentType(ContentType.JSON)
                .body(EncounterFixture.officeVisit().with("serviceLines", visitWithDermabrasion(List.of())).build())
                .post("/api/v1/encounters").then().statusCode(202)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings.findAll { it.severity == 'ERROR' }.ruleId", equalTo(List.of("NCCI_PTP")))
                .extract().path("id");
    }

    private static ValidatableResponse postAs(String user, String id, String action, Object body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (user != null) {
            // A coder of the demo practice, named by the token (the X-User header is gone).
            request.header("Authorization", DefaultTestToken.bearer("demo-practice", user, "coder"));
        }
        return request.post("/api/v1/encounters/" + id + "/" + action).then();
    }

    private static int codedEventsFor(String id) {
        return KafkaTestClient.collect(CODED_TOPIC, r -> id.equals(r.key()), Duration.ofSeconds(5)).size();
    }

    @Test
    void correctionAddingModifier25ReleasesTheEncounterAndPublishesEncounterCodedOnce() {
        String id = heldPtpEncounter();
        given().queryParam("status", "NEEDS_REVIEW").queryParam("ruleId", "NCCI_PTP").queryParam("size", 200)
                .get("/api/v1/encounters").then().statusCode(200).body("items.id", hasItem(id));

        postAs("coder.ann", id, "corrections", Map.of("serviceLines", visitWithDermabrasion(List.of("25")),
                "reason", "E/M was separately identifiable"))
                .statusCode(200)
                .body("status", equalTo("CODED"))
                .body("findings.ruleId", not(hasItem("NCCI_PTP")));

        assertEquals(1, codedEventsFor(id));
        given().get("/api/v1/encounters/" + id).then()
                .body("history.kind", hasItems("RECEIVED", "HELD_FOR_REVIEW", "CORRECTED", "CODED"))
                .body("history.find { it.kind == 'CORRECTED' }.actor", equalTo("coder.ann"))
                .body("history.find { it.kind == 'CORRECTED' }.occurredAt", notNullValue())
                .body("history.find { it.kind == 'CORRECTED' }.detail", equalTo("Corrected serviceLines: E/M was separately identifiable"));
        given().queryParam("status", "NEEDS_REVIEW").queryParam("size", 200)
                .get("/api/v1/encounters").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void correctionThatStillViolatesKeepsTheEncounterHeldWithTheNewFindings() {
        String id = heldPtpEncounter();
        postAs(null, id, "corrections", Map.of("diagnoses", List.of("E11", "I10"), "reason", "provider clarified diagnosis"))
                .statusCode(200)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings.ruleId", hasItems("NCCI_PTP", "ICD10_NOT_BILLABLE"));
        given().get("/api/v1/encounters/" + id).then()
                .body("history.find { it.kind == 'CORRECTED' }.actor", equalTo(DefaultTestToken.USER));
        given().queryParam("status", "NEEDS_REVIEW").queryParam("ruleId", "ICD10_NOT_BILLABLE").queryParam("size", 200)
                .get("/api/v1/encounters").then().body("items.id", hasItem(id));
        assertEquals(0, codedEventsFor(id));
    }

    @Test
    void correctionIsValidatedLikeIntake() {
        String id = heldPtpEncounter();
        postAs(null, id, "corrections", Map.of("serviceLines",
                List.of(EncounterFixture.line("99213", List.of(), 0, List.of(1), "12.345")), "reason", "fix units"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItems("serviceLines[0].units", "serviceLines[0].chargeAmount"));
        postAs(null, id, "corrections", Map.of("diagnoses", List.of())).statusCode(400)
                .body("errors.field", hasItems("diagnoses", "reason"));
    }

    @Test
    void correctingACodedEncounterIsAConflict() {
        String id = given().contentType(ContentType.JSON).body(EncounterFixture.officeVisit().build())
                .post("/api/v1/encounters").then().statusCode(202).body("status", equalTo("CODED")).extract().path("id");
        postAs(null, id, "corrections", Map.of("placeOfService", "22", "reason", "wrong place")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/conflict"));
    }

    @Test
    void overrideOfAnOverridableFindingReleasesTheEncounterAndRecordsWhoAndWhy() {
        String id = heldPtpEncounter();
        postAs("coder.bob", id, "overrides", Map.of("ruleId", "NCCI_PTP", "lineNumbers", List.of(1),
                "reason", "payer contract allows the E/M with this procedure"))
                .statusCode(200)
                .body("status", equalTo("CODED"))
                .body("overrides[0].ruleId", equalTo("NCCI_PTP"))
                .body("overrides[0].overriddenBy", equalTo("coder.bob"))
                .body("overrides[0].overriddenAt", notNullValue())
                .body("history.find { it.kind == 'OVERRIDDEN' }.actor", equalTo("coder.bob"));
        assertEquals(1, codedEventsFor(id));
        given().queryParam("ruleId", "NCCI_PTP").queryParam("size", 200)
                .get("/api/v1/encounters").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void overrideNeedsAReasonOfTenCharacters() {
        String id = heldPtpEncounter();
        postAs(null, id, "overrides", Map.of("ruleId", "NCCI_PTP", "reason", "because")).statusCode(400)
                .body("errors.field", hasItem("reason"));
    }

    @Test
    void overrideOfANonOverridableRuleIsRefusedWith422() {
        String id = given().contentType(ContentType.JSON)
                .body(EncounterFixture.officeVisit().with("diagnoses", List.of("E11", "I10")).build())
                .post("/api/v1/encounters").then().statusCode(202)
                .body("status", equalTo("NEEDS_REVIEW")).extract().path("id");
        postAs("coder.ann", id, "overrides", Map.of("ruleId", "ICD10_NOT_BILLABLE", "reason", "the payer accepts it anyway"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-overridable"));
        given().get("/api/v1/encounters/" + id).then().body("status", equalTo("NEEDS_REVIEW"))
                .body("history.kind", not(hasItem("OVERRIDDEN")));
    }

    @Test
    void overrideOfAPtpEditWithModifierIndicator0IsRefusedWith422() {
        // NCCI PTP 99213/36591 has modifier indicator 0: not even modifier 25 on the E/M bypasses it.
        String id = given().contentType(ContentType.JSON)
                .body(EncounterFixture.officeVisit().with("serviceLines", List.of(
                        EncounterFixture.line("99213", List.of("25"), 1, List.of(1, 2), "150.00"),
                        EncounterFixture.line("36591", List.of(), 1, List.of(1), "25.00"))).build())
                .post("/api/v1/encounters").then().statusCode(202)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings.ruleId", hasItem("NCCI_PTP")).extract().path("id");
        postAs("coder.ann", id, "overrides", Map.of("ruleId", "NCCI_PTP", "reason", "the payer pays both of them"))
                .statusCode(422)
                .body("type", equalTo("/problems/not-overridable"));
        given().get("/api/v1/encounters/" + id).then().body("status", equalTo("NEEDS_REVIEW"));
    }

    @Test
    void overrideOfARuleTheEncounterDoesNotHaveIsRefused() {
        String id = heldPtpEncounter();
        postAs(null, id, "overrides", Map.of("ruleId", "NCCI_MUE", "reason", "nothing to override here"))
                .statusCode(422).body("type", equalTo("/problems/no-such-finding"));
    }

    @Test
    void providerQueryAndAnswerRoundTripBackToReview() {
        String id = heldPtpEncounter();
        postAs("coder.ann", id, "queries", Map.of("question", "Was the E/M separately identifiable?"))
                .statusCode(200)
                .body("status", equalTo("QUERY_PROVIDER"))
                .body("openQuery", equalTo("Was the E/M separately identifiable?"));
        given().queryParam("status", "QUERY_PROVIDER").queryParam("size", 200)
                .get("/api/v1/encounters").then().body("items.id", hasItem(id));
        postAs("coder.ann", id, "queries", Map.of("question", "again?")).statusCode(409);

        postAs("dr.grace", id, "queries/answer", Map.of("answer", "Yes, a separate problem was addressed."))
                .statusCode(200)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("openQuery", equalTo(null))
                .body("findings.ruleId", hasItem("NCCI_PTP"))
                .body("history.find { it.kind == 'QUERY_SENT' }.actor", equalTo("coder.ann"))
                .body("history.find { it.kind == 'QUERY_ANSWERED' }.actor", equalTo("dr.grace"));
        postAs(null, id, "queries/answer", Map.of("answer", "twice")).statusCode(409);
    }

    @Test
    void queueFiltersByAgeOldestFirst() {
        String id = heldPtpEncounter();
        given().queryParam("status", "NEEDS_REVIEW").queryParam("olderThanDays", 1).queryParam("size", 200)
                .get("/api/v1/encounters").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().queryParam("status", "NEEDS_REVIEW").queryParam("olderThanDays", 0).queryParam("size", 200)
                .get("/api/v1/encounters").then().statusCode(200).body("items.id", hasItem(id));
    }
}
