package org.claimflow.eligibility.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.eligibility.support.EligibilityCheckFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Practice isolation (issue #8): the practice is the token's. Another practice's checks and batches do not exist for the
 * caller (404), its history shows none of them, and a practiceId naming another practice is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "eligibility"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class CrossPracticeTest {

    private static final String OTHER_PRACTICE = "other-" + UUID.randomUUID().toString().substring(0, 8);
    /** Every role of another practice. */
    private static final String OTHER = DefaultTestToken.bearerIn(OTHER_PRACTICE, "intruder");

    private static Map<String, Object> batch() {
        Map<String, Object> item = new LinkedHashMap<>(EligibilityCheckFixture.ada().build());
        item.remove("practiceId");
        item.remove("providerNpi");
        item.put("reference", "appt-1");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("providerNpi", EligibilityCheckFixture.PROVIDER_NPI);
        body.put("items", new ArrayList<>(List.of(item)));
        return body;
    }

    @Test
    void anotherPracticesCheckAndBatchAreNotFound() {
        String check = given().contentType(ContentType.JSON).body(EligibilityCheckFixture.ada().build())
                .post("/api/v1/eligibility/checks").then().statusCode(201).extract().path("id");
        String batch = given().contentType(ContentType.JSON).body(batch()).post("/api/v1/eligibility/batches")
                .then().statusCode(202).extract().path("id");
        for (String path : List.of("/api/v1/eligibility/checks/" + check, "/api/v1/eligibility/checks/" + check + "/x12",
                "/api/v1/eligibility/batches/" + batch)) {
            given().header("Authorization", OTHER).get(path).then().statusCode(404).body("type", equalTo("/problems/not-found"));
        }
        given().get("/api/v1/eligibility/checks/" + check).then().statusCode(200);
        given().get("/api/v1/eligibility/batches/" + batch).then().statusCode(200);
    }

    @Test
    void historyShowsOnlyTheCallersPractice() {
        String check = given().contentType(ContentType.JSON).body(EligibilityCheckFixture.ada().build())
                .post("/api/v1/eligibility/checks").then().statusCode(201).extract().path("id");
        given().header("Authorization", OTHER).queryParam("size", 200).get("/api/v1/eligibility/checks").then().statusCode(200)
                .body("items.id", not(hasItem(check))).body("items.practiceId", not(hasItem("demo-practice")));
    }

    @Test
    void aPracticeIdNamingAnotherPracticeIsForbiddenAndACheckWithoutOneIsTheCallers() {
        given().header("Authorization", OTHER).queryParam("practiceId", "demo-practice").get("/api/v1/eligibility/checks").then()
                .statusCode(403).body("type", equalTo("/problems/forbidden")).body("items", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", OTHER).contentType(ContentType.JSON).body(EligibilityCheckFixture.ada().build())
                .post("/api/v1/eligibility/checks").then().statusCode(403).body("type", equalTo("/problems/forbidden"));
        Map<String, Object> withBatchPractice = batch();
        withBatchPractice.put("practiceId", "demo-practice");
        given().header("Authorization", OTHER).contentType(ContentType.JSON).body(withBatchPractice)
                .post("/api/v1/eligibility/batches").then().statusCode(403).body("type", equalTo("/problems/forbidden"));

        Map<String, Object> noPractice = new LinkedHashMap<>(EligibilityCheckFixture.ada().build());
        noPractice.remove("practiceId");
        given().header("Authorization", OTHER).contentType(ContentType.JSON).body(noPractice).post("/api/v1/eligibility/checks")
                .then().statusCode(201).body("practiceId", equalTo(OTHER_PRACTICE)).body("requestedBy", equalTo("intruder"));
    }
}
