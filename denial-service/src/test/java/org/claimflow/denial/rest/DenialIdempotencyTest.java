package org.claimflow.denial.rest;

import static io.restassured.RestAssured.given;
import static org.claimflow.denial.support.RoutedDenials.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.denial.persistence.PracticeScope;
import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.denial.support.IdempotentOutcomes;
import org.claimflow.denial.support.SimultaneousRequests;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Retries that overlap (a biller's double click, a client timing out and sending again) must add one note, draft
 * one appeal and request one correction, whatever order the duplicates reach the database in.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class DenialIdempotencyTest {

    private static final int AT_ONCE = 12;

    @Inject
    AgroalDataSource dataSource;

    private static Response post(String path, String key, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).header("Authorization", DefaultTestToken.bearer("demo-practice", "ana", "denial-specialist")).header("Idempotency-Key", key).body(body).post(path);
    }

    /** How many rows of {@code table} (denial_note, appeal, correction_request) belong to the denial. */
    private int rowsOf(String table, String denialId) {
        // Every practice's rows, as the service's cross-practice jobs see them (row-level security).
        return PracticeScope.acrossPractices(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement count = c.prepareStatement("select count(*) from " + table + " where denial_id = cast(? as uuid)")) {
                count.setString(1, denialId);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void addsOneNoteWhenTheSameNoteArrivesTogether() throws SQLException {
        String id = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        String path = "/api/v1/denials/" + id + "/notes";
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("text", "Called the payer.");

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> post(path, key, body));

        Response created = IdempotentOutcomes.sameBody(responses, 201);
        assertEquals(1, rowsOf("denial_note", id));

        Response retried = post(path, key, body);
        assertEquals(201, retried.statusCode());
        assertEquals("true", retried.header("Idempotent-Replayed"));
        assertEquals(created.header("Location"), retried.header("Location"));
        assertEquals(created.asString(), retried.asString());
    }

    @Test
    void addsOneNoteWhenTheSameKeyArrivesWithDifferentNotesTogether() throws SQLException {
        String id = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        String path = "/api/v1/denials/" + id + "/notes";
        String key = UUID.randomUUID().toString();
        List<Map<String, String>> bodies = IntStream.range(0, AT_ONCE).mapToObj(i -> Map.of("text", "Note " + i + ".")).toList();

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> post(path, key, bodies.get(i)));

        IdempotentOutcomes.differentBodies(responses, 201);
        assertEquals(1, rowsOf("denial_note", id));
    }

    @Test
    void draftsOneAppealWhenTheSameAppealArrivesTogether() throws SQLException {
        String id = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        String path = "/api/v1/denials/" + id + "/appeals";
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("reason", "Medically necessary, see the notes.", "attachments", List.of("notes.pdf"));

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> post(path, key, body));

        Response created = IdempotentOutcomes.sameBody(responses, 201);
        assertEquals(1, rowsOf("appeal", id));

        Response retried = post(path, key, body);
        assertEquals(201, retried.statusCode());
        assertEquals(created.header("Location"), retried.header("Location"));
        assertEquals(created.asString(), retried.asString());
    }

    @Test
    void draftsOneAppealWhenTheSameKeyArrivesWithDifferentAppealsTogether() throws SQLException {
        String id = route(ClaimAdjudicatedFixture.lineDenied("CO", "50"));
        String path = "/api/v1/denials/" + id + "/appeals";
        String key = UUID.randomUUID().toString();
        List<Map<String, String>> bodies = IntStream.range(0, AT_ONCE)
                .mapToObj(i -> Map.of("reason", "Medically necessary, reason " + i + ".")).toList();

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> post(path, key, bodies.get(i)));

        IdempotentOutcomes.differentBodies(responses, 201);
        assertEquals(1, rowsOf("appeal", id));
    }

    @Test
    void requestsOneCorrectionWhenTheSameCorrectionArrivesTogether() throws SQLException {
        String id = route(ClaimAdjudicatedFixture.lineDenied("CO", "4"));
        String path = "/api/v1/denials/" + id + "/corrections";
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("frequencyCode", "7", "reason", "Modifier 25 added to the office visit.");

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> post(path, key, body));

        Response created = IdempotentOutcomes.sameBody(responses, 202);
        assertEquals(1, rowsOf("correction_request", id));

        Response retried = post(path, key, body);
        assertEquals(202, retried.statusCode());
        assertEquals(created.header("Location"), retried.header("Location"));
        assertEquals(created.asString(), retried.asString());
    }
}
