package org.claimflow.billing.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.claimflow.billing.support.IdempotentOutcomes;
import org.claimflow.billing.support.RemittanceFixture;
import org.claimflow.billing.support.SimultaneousRequests;
import org.claimflow.billing.persistence.PracticeScope;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Retries that overlap (a front desk's system timing out and sending again) must record a patient payment once
 * and post a remittance once, whatever order the duplicates reach the database in.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class IdempotentCreationTest {

    private static final String EDI_X12 = "application/edi-x12";
    private static final int AT_ONCE = 12;

    @Inject
    AgroalDataSource dataSource;


    /** A connection of the application's pool acting for {@code practice} (row-level security: set when it is acquired). */
    private Connection connectionFor(String practice) {
        return PracticeScope.call(practice, () -> {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * An account of its own for each test (synthetic names), in a practice of its own that the default token now names,
     * so counting its payments counts what the test made.
     */
    private String newAccount() throws SQLException {
        UUID id = UUID.randomUUID();
        String practice = "idem-" + id.toString().substring(0, 8);
        // The requests act in the account's practice (the token's): another practice's account would be a 404.
        DefaultTestToken.actIn(practice);
        try (Connection c = connectionFor(practice); PreparedStatement insert = c.prepareStatement("""
                insert into patient_account (id, practice_id, payer_id, member_id, first_name, last_name, date_of_birth, created_at)
                values (?, ?, 'SANDBOX-PPO', ?, 'Test', 'Patient', ?, ?)""")) {
            insert.setObject(1, id);
            insert.setString(2, practice);
            insert.setString(3, "M" + id.toString().substring(0, 8));
            insert.setObject(4, LocalDate.of(1980, 1, 1));
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
        return id.toString();
    }

    private int count(String sql, String parameter) throws SQLException {
        // As the practice the test's requests act for: what it made, and only that, is visible.
        try (Connection c = connectionFor(DefaultTestToken.practice()); PreparedStatement count = c.prepareStatement(sql)) {
            count.setObject(1, parameter);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int paymentsOf(String account) throws SQLException {
        return count("select count(*) from patient_ledger where account_id = cast(? as uuid) and kind = 'PAYMENT'", account);
    }

    private int remittancesWithTrace(String trace) throws SQLException {
        return count("select count(*) from remittance where trace_number = ?", trace);
    }

    private static Response pay(String account, String key, String body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/patients/" + account + "/payments");
    }

    private static Response postRemittance(String key, String x12) {
        var request = given().contentType(EDI_X12).body(x12.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/remittances");
    }

    /** A payment for a claim billing never sent: posted as unmatched, which is all these tests need. */
    private static RemittanceFixture unmatchedPayment() {
        String pcn = "IDEM" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        return RemittanceFixture.payment().claim(pcn).line(pcn + "-1", "99213", "150.00", "92.00",
                RemittanceFixture.adjustment("CO", "45", "58.00")).done();
    }

    @Test
    void recordsOnePaymentWhenTheSamePaymentArrivesTogether() throws SQLException {
        String account = newAccount();
        String key = UUID.randomUUID().toString();
        String body = "{\"amount\":\"25.00\",\"method\":\"CARD\",\"reference\":\"AUTH-1\"}";

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> pay(account, key, body));

        Response created = IdempotentOutcomes.sameBody(responses, 201);
        assertEquals(1, paymentsOf(account));
        given().get(created.header("Location")).then().statusCode(200);

        Response retried = pay(account, key, body);
        assertEquals(201, retried.statusCode());
        assertEquals("true", retried.header("Idempotent-Replayed"));
        assertEquals(created.header("Location"), retried.header("Location"));
        assertEquals(created.asString(), retried.asString());
    }

    @Test
    void recordsOnePaymentWhenTheSameKeyArrivesWithDifferentPaymentsTogether() throws SQLException {
        String account = newAccount();
        String key = UUID.randomUUID().toString();
        List<String> bodies = IntStream.range(0, AT_ONCE)
                .mapToObj(i -> "{\"amount\":\"" + (10 + i) + ".00\",\"method\":\"CASH\"}")
                .toList();

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> pay(account, key, bodies.get(i)));

        IdempotentOutcomes.differentBodies(responses, 201);
        assertEquals(1, paymentsOf(account));
    }

    @Test
    void postsARemittanceOnceWhenTheSameFileArrivesTogether() throws SQLException {
        RemittanceFixture file = unmatchedPayment();
        String x12 = file.build();
        String key = UUID.randomUUID().toString();

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> postRemittance(key, x12));

        // The file is its own key (README): the first posts it (201), the others answer 200 duplicate=true for it.
        List<Response> posted = responses.stream().filter(r -> r.statusCode() == 201).toList();
        assertEquals(1, posted.size(), responses.stream().map(Response::statusCode).toList().toString());
        String remittanceId = posted.get(0).path("remittanceId");
        for (Response r : responses) {
            if (r != posted.get(0)) {
                assertEquals(200, r.statusCode(), r.asString());
                assertEquals(true, r.<Boolean>path("duplicate"));
                assertEquals("true", r.header("Idempotent-Replayed"));
            }
            assertEquals(remittanceId, r.path("remittanceId"));
            assertEquals(posted.get(0).header("Location"), r.header("Location"));
        }
        assertEquals(1, remittancesWithTrace(file.traceNumber()));
    }

    @Test
    void postsOneRemittanceWhenTheSameKeyArrivesWithDifferentFilesTogether() throws SQLException {
        String key = UUID.randomUUID().toString();
        List<RemittanceFixture> files = IntStream.range(0, AT_ONCE).mapToObj(i -> unmatchedPayment()).toList();
        List<String> x12 = files.stream().map(RemittanceFixture::build).toList();

        List<Response> responses = SimultaneousRequests.send(AT_ONCE, i -> postRemittance(key, x12.get(i)));

        IdempotentOutcomes.differentBodies(responses, 201);
        int posted = 0;
        for (RemittanceFixture file : files) {
            posted += remittancesWithTrace(file.traceNumber());
        }
        assertEquals(1, posted);
    }

    @Test
    void answersARetryOfAFilePostedBeforeUnderANewKeyAsADuplicateEveryTime() {
        String x12 = unmatchedPayment().build();
        postRemittance(null, x12).then().statusCode(201);
        String key = UUID.randomUUID().toString();

        // The first use of the key finds the file posted already; the key must still get its answer, or every
        // retry with it would be told (409) that a request is still in flight.
        Response first = postRemittance(key, x12);
        Response retried = postRemittance(key, x12);

        assertEquals(200, first.statusCode(), first.asString());
        assertEquals(200, retried.statusCode(), retried.asString());
        assertTrue(retried.<Boolean>path("duplicate"));
        assertEquals(first.header("Location"), retried.header("Location"));
        assertNull(retried.header("Retry-After"));
    }
}
