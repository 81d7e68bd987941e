package org.claimflow.coding.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.claimflow.coding.codeset.CodeSetConfig;
import org.claimflow.coding.codeset.CodeSetLoader;
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
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class CodingEditsResourceTest {

    @Inject
    CodeSetLoader loader;

    @Inject
    CodeSetConfig config;

    @BeforeEach
    void codeSetsLoaded() {
        CodeSetsReady.await();
    }

    private static ValidatableResponse dryRun(EncounterFixture fixture) {
        return given().contentType(ContentType.JSON).body(fixture.build()).post("/api/v1/coding/edits").then();
    }

    /** A dermabrasion (15780) with an office visit (99213): NCCI PTP 15780/99213, modifier indicator 1. */
    private static EncounterFixture visitWithDermabrasion(List<String> visitModifiers) {
        return EncounterFixture.officeVisit()
                .with("dateOfService", "2024-08-15")
                .with("diagnoses", List.of("L90.5", "I10"))
                .with("serviceLines", List.of(
                        EncounterFixture.line("99213", visitModifiers, 1, List.of(2), "150.00"),
                        EncounterFixture.line("15780", List.of(), 1, List.of(1), "900.00")));
    }

    @Test
    void passesTheOfficeVisitWithOnlyTheCodeSetVersionWarningAndStoresNothing() {
        EncounterFixture fixture = EncounterFixture.officeVisit();
        dryRun(fixture).statusCode(200)
                .body("status", equalTo("CODED"))
                .body("findings.ruleId", equalTo(List.of("CODESET_VERSION")))
                .body("findings[0].severity", equalTo("WARNING"))
                .body("findings[0].message", containsString("ICD-10-CM FY2024"));
        given().queryParam("size", 200).get("/api/v1/encounters").then()
                .body("items.externalId", not(hasItem(fixture.externalId())));
    }

    @Test
    void passesWithoutWarningWhenTheDateOfServiceIsCoveredByTheLoadedVersions() {
        dryRun(EncounterFixture.officeVisit().with("dateOfService", "2024-08-15")).statusCode(200)
                .body("status", equalTo("CODED"))
                .body("findings", equalTo(List.of()));
    }

    @Test
    void namesACategoryHeaderWithTheCodeSetVersion() {
        dryRun(EncounterFixture.officeVisit().with("diagnoses", List.of("E11", "I10"))).statusCode(200)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings.find { it.ruleId == 'ICD10_NOT_BILLABLE' }.source", equalTo("ICD-10-CM FY2024"))
                .body("findings.find { it.ruleId == 'ICD10_NOT_BILLABLE' }.lineNumbers", equalTo(List.of(1, 2)));
    }

    @Test
    void findsTheNcciPairWithoutModifierAndPassesItWithModifier25() {
        dryRun(visitWithDermabrasion(List.of())).statusCode(200)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings.ruleId", equalTo(List.of("NCCI_PTP")))
                .body("findings[0].codes", equalTo(List.of("15780", "99213")))
                .body("findings[0].lineNumbers", equalTo(List.of(2, 1)))
                .body("findings[0].source", equalTo("NCCI PTP practitioner 2024Q3"))
                .body("findings[0].suggestedFix", containsString("modifier 25"));
        dryRun(visitWithDermabrasion(List.of("25"))).statusCode(200)
                .body("status", equalTo("CODED"))
                .body("findings", equalTo(List.of()));
    }

    @Test
    void holdsAnEncounterHeldByAnNcciEditAndPublishesNothing() {
        String id = given().contentType(ContentType.JSON).body(visitWithDermabrasion(List.of()).build())
                .post("/api/v1/encounters").then().statusCode(202)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings[0].ruleId", equalTo("NCCI_PTP"))
                .extract().path("id");
        given().get("/api/v1/encounters/" + id).then().body("history.kind", hasItem("HELD_FOR_REVIEW"));
        assertEquals(List.of(), KafkaTestClient.collect("claims.encounter-coded.v1", r -> id.equals(r.key()), Duration.ofSeconds(3)));
    }

    @Test
    void holdsUnitsAboveTheMueNamingTheMai() {
        dryRun(EncounterFixture.officeVisit().withLine(1, "units", 3)).statusCode(200)
                .body("status", equalTo("NEEDS_REVIEW"))
                .body("findings.find { it.ruleId == 'NCCI_MUE' }.message", containsString("MAI 3"));
    }

    @Test
    void refusesAnInvalidBodyWithAProblem() {
        dryRun(EncounterFixture.officeVisit().with("serviceLines", List.of())).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem("serviceLines"));
    }

    @Test
    void skipsAVersionThatIsAlreadyLoaded() throws Exception {
        assertEquals(0, loader.load(config.sources().get("ncci-ptp-2024q3")));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'code-sets' }.data.'ncci-ptp:2024Q3'", equalTo("2024-07-01 to 2024-09-30"));
    }
}
