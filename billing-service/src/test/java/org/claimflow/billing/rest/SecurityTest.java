package org.claimflow.billing.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.claimflow.localstack.AuthChecks;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Authentication and roles (issue #8): the role × endpoint matrix of every resource method of this service (read from
 * the classes, so a new endpoint is walked the moment it exists), and the tokens that must be refused.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
class SecurityTest {

    private static final List<AuthChecks.Endpoint> ENDPOINTS = AuthChecks.endpoints("org.claimflow.billing.rest");

    @Test
    void eachRoleGetsPastTheDoorOfItsEndpointsAndA403ProblemEverywhereElse() {
        assertTrue(ENDPOINTS.size() >= 13, "the resources were found: " + ENDPOINTS);
        assertEquals(List.of(), AuthChecks.roleMatrixViolations(ENDPOINTS));
    }

    @Test
    void onlyAdminReadsTheAuditTrail() {
        // Compliance (issue #8): the trail names who read which patient's data; no working role may read it.
        assertTrue(ENDPOINTS.contains(new AuthChecks.Endpoint("GET", "/api/v1/audit-events", java.util.Set.of("admin"), null)),
                "GET /api/v1/audit-events is in the matrix, admin only: " + ENDPOINTS);
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointWithTheBearerScheme() {
        assertEquals(List.of(), AuthChecks.openApiViolations(ENDPOINTS));
    }

    @Test
    void refusesMissingExpiredForeignForgedAndUnsignedTokensWith401() {
        assertEquals(List.of(), AuthChecks.unauthenticatedViolations("/api/v1/claims"));
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken() {
        for (String open : List.of("/q/health/live", "/q/metrics", "/q/openapi")) {
            io.restassured.RestAssured.given().header("Authorization", "Bearer not-a-token").get(open).then().statusCode(200);
        }
    }
}
