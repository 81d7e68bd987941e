package org.claimflow.billing.benchmark;

import static io.restassured.RestAssured.given;
import static org.claimflow.billing.support.RemittanceFixture.adjustment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.claimflow.billing.persistence.PracticeScope;
import org.claimflow.billing.domain.PatientControlNumberPolicy;
import org.claimflow.billing.support.RemittanceFixture;
import org.claimflow.billing.x12.RemittanceReader;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.DefaultTestToken;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The 835 benchmark (README, "835 posting benchmark"): 1,000 submitted claims of 2–4 lines seeded in the real
 * PostgreSQL, one balanced 835 paying them (paid in full after CO-45, PR copay / deductible / coinsurance, a
 * denied line), parsed and posted through {@code POST /api/v1/remittances} as a clearinghouse upload is.
 * Several repetitions, fresh claims each; prints the figures. Asserts that everything posted and reconciles to
 * the cent, never a time: the figure depends on the machine. Not part of {@code mvn verify}; run it with
 * {@code mvn -B verify -pl billing-service -Dgroups=benchmark}.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "billing"))
class RemittancePostingBenchmarkTest {

    private static final int CLAIMS = Integer.getInteger("claimflow.benchmark.claims", 1_000);
    private static final int REPETITIONS = Integer.getInteger("claimflow.benchmark.repetitions", 4);
    private static final LocalDate DATE_OF_SERVICE = LocalDate.of(2026, 10, 14);

    /** code, charge, allowed: CO-45 = charge − allowed. */
    private static final String[][] LINES = {
            {"99213", "150.00", "92.00"}, {"36415", "12.00", "9.00"}, {"81002", "25.00", "3.50"}, {"85025", "35.00", "11.00"}};

    /** A busy machine may need more than the default socket timeout; the benchmark reports time, it does not bound it. */
    private static final RestAssuredConfig PATIENT = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 600_000).setParam("http.connection.timeout", 60_000));

    @Inject
    DataSource dataSource;

    private record Seeded(String practiceId, List<String> patientControlNumbers) {
    }

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

    @Test
    void postsAThousandClaimRemittanceAndEveryCentReconciles() throws Exception {
        List<String> figures = new ArrayList<>();
        for (int repetition = 0; repetition <= REPETITIONS; repetition++) {
            Seeded seeded = seed(CLAIMS);
            RemittanceFixture remittance = remittanceFor(seeded);
            String x12 = remittance.build();

            long parseStart = System.nanoTime();
            RemittanceReader.read(x12);
            long parseMillis = (System.nanoTime() - parseStart) / 1_000_000;

            // Posted by a biller of the claims' practice: an 835 uploaded over the API pays only its practice's claims.
            DefaultTestToken.actIn(seeded.practiceId());
            long start = System.nanoTime();
            JsonPath answer = given().config(PATIENT).contentType("application/edi-x12").body(x12.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/remittances").then().statusCode(201).extract().jsonPath();
            long postMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(CLAIMS, answer.getInt("claimsPosted"));
            assertEquals(0, answer.getInt("unmatched"));
            int lines = assertPostedAndReconciled(seeded, remittance.totalPaid());
            // Repetition 0 warms the JVM (JIT, Hibernate metadata, connection pool) and is not reported.
            String figure = "%s: %d claims, %d service lines, 835 of %d KB: parse %d ms; parse + post (HTTP, one transaction) %d ms"
                    .formatted(repetition == 0 ? "warm-up" : "run " + repetition, CLAIMS, lines, x12.length() / 1024, parseMillis, postMillis);
            System.out.println("BENCHMARK 835 " + figure);
            figures.add(figure);
        }
        System.out.println("BENCHMARK 835 summary\n  " + String.join("\n  ", figures));
    }

    /** Submitted claims written straight into the tables: the benchmark measures posting, not assembly. */
    private Seeded seed(int count) throws SQLException {
        String practice = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> pcns = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = connectionFor(practice);
             PreparedStatement claim = c.prepareStatement("""
                     insert into claim (id, practice_id, encounter_id, external_id, patient_control_number, status, frequency_code,
                       payer_id, member_id, relationship, patient_first_name, patient_last_name, patient_date_of_birth, patient_sex,
                       patient_line1, patient_city, patient_state, patient_postal_code, billing_npi, billing_tax_id, billing_name,
                       billing_line1, billing_city, billing_state, billing_postal_code, place_of_service, date_of_service, diagnoses,
                       total_charge, paid_amount, adjusted_amount, patient_responsibility, created_at, updated_at)
                     values (?, ?, ?, ?, ?, 'SUBMITTED', '1', 'SANDBOX-PPO', ?, 'self', 'Bench', ?, date '1970-01-01', 'F',
                       '1 Main St', 'Springfield', 'IL', '62701', '1234567893', '123456789', 'Demo Clinic',
                       '1 Main St', 'Springfield', 'IL', '62701', '11', ?, 'E11.9,I10', ?, 0, 0, 0, ?, ?)""");
             PreparedStatement line = c.prepareStatement("""
                     insert into claim_line (claim_id, line_number, procedure_code, modifiers, units, diagnosis_pointers,
                       charge_amount, line_item_control_number, paid_amount) values (?, ?, ?, '', 1, '1', ?, ?, 0)""")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                String pcn = PatientControlNumberPolicy.patientControlNumber(id);
                pcns.add(pcn);
                int lineCount = lineCount(i);
                BigDecimal total = BigDecimal.ZERO;
                for (int n = 0; n < lineCount; n++) {
                    total = total.add(new BigDecimal(LINES[n][1]));
                }
                claim.setObject(1, id);
                claim.setString(2, practice);
                claim.setObject(3, UUID.randomUUID());
                claim.setString(4, "BENCH-" + i);
                claim.setString(5, pcn);
                claim.setString(6, "B" + (i % 400));
                claim.setString(7, "Patient" + i);
                claim.setDate(8, Date.valueOf(DATE_OF_SERVICE));
                claim.setBigDecimal(9, total);
                claim.setTimestamp(10, now);
                claim.setTimestamp(11, now);
                claim.addBatch();
                for (int n = 0; n < lineCount; n++) {
                    line.setObject(1, id);
                    line.setInt(2, n + 1);
                    line.setString(3, LINES[n][0]);
                    line.setBigDecimal(4, new BigDecimal(LINES[n][1]));
                    line.setString(5, PatientControlNumberPolicy.lineItemControlNumber(pcn, n + 1));
                    line.addBatch();
                }
            }
            claim.executeBatch();
            line.executeBatch();
        }
        return new Seeded(practice, pcns);
    }

    private static int lineCount(int claimIndex) {
        return 2 + claimIndex % 3;
    }

    /**
     * One of five kinds per claim: paid after CO-45; PR-3 copay; PR-1 deductible; the venipuncture line denied
     * (CO-97, bundled: a denial, not a contractual write-off); PR-2 coinsurance.
     */
    private static RemittanceFixture remittanceFor(Seeded seeded) {
        RemittanceFixture fixture = RemittanceFixture.payment();
        for (int i = 0; i < seeded.patientControlNumbers().size(); i++) {
            String pcn = seeded.patientControlNumbers().get(i);
            RemittanceFixture.ClaimBuilder claim = fixture.claim(pcn);
            for (int n = 0; n < lineCount(i); n++) {
                String[] l = LINES[n];
                String contractual = new BigDecimal(l[1]).subtract(new BigDecimal(l[2])).toPlainString();
                String lcn = PatientControlNumberPolicy.lineItemControlNumber(pcn, n + 1);
                if (n == 0 && i % 5 == 1) {
                    claim.line(lcn, l[0], l[1], l[2], adjustment("CO", "45", contractual), adjustment("PR", "3", "25.00"));
                } else if (n == 0 && i % 5 == 2) {
                    claim.line(lcn, l[0], l[1], l[2], adjustment("CO", "45", contractual), adjustment("PR", "1", "50.00"));
                } else if (n == 0 && i % 5 == 4) {
                    claim.line(lcn, l[0], l[1], l[2], adjustment("CO", "45", contractual), adjustment("PR", "2", "18.40"));
                } else if (n == 1 && i % 5 == 3) {
                    claim.line(lcn, l[0], l[1], null, adjustment("CO", "97", l[1]));
                } else {
                    claim.line(lcn, l[0], l[1], l[2], adjustment("CO", "45", contractual));
                }
            }
        }
        return fixture;
    }

    /** Every claim posted once, with the outcome its kind implies, and the money reconciles to the cent; returns the line count. */
    private int assertPostedAndReconciled(Seeded seeded, BigDecimal bprAmount) throws SQLException {
        try (Connection c = connectionFor(seeded.practiceId())) {
            assertEquals(CLAIMS, count(c, "select count(*) from claim where practice_id = ? and status in ('PAID', 'PARTIALLY_DENIED')", seeded),
                    "every claim adjudicated");
            assertEquals(CLAIMS / 5, count(c, "select count(*) from claim where practice_id = ? and status = 'PARTIALLY_DENIED'", seeded),
                    "the claims with a denied line");
            assertEquals(CLAIMS, count(c, """
                    select count(*) from claim_payment p join claim k on k.id = p.claim_id where k.practice_id = ?""", seeded),
                    "one claim payment per claim");
            assertEquals(0, count(c, """
                    select count(*) from claim where practice_id = ?
                      and total_charge <> paid_amount + adjusted_amount + patient_responsibility""", seeded),
                    "charged = paid + adjusted + patient responsibility, outstanding 0, for every claim");
            assertEquals(0, count(c, """
                    select count(*) from claim k where practice_id = ? and paid_amount <>
                      (select sum(l.paid_amount) from claim_line l where l.claim_id = k.id)""", seeded),
                    "the claim's paid amount is the sum of its lines'");
            assertEquals(0, count(c, """
                    select count(*) from claim k where practice_id = ? and adjusted_amount + patient_responsibility <>
                      (select coalesce(sum(a.amount), 0) from line_adjustment a where a.claim_id = k.id)""", seeded),
                    "the adjustments posted are the claim's adjusted + patient responsibility");
            assertEquals(0, count(c, """
                    select count(*) from claim k where practice_id = ? and patient_responsibility <>
                      (select coalesce(sum(e.amount), 0) from patient_ledger e where e.claim_id = k.id)""", seeded),
                    "the patient ledger holds each claim's PR");
            assertEquals(bprAmount, money(c, "select sum(paid_amount) from claim where practice_id = ?", seeded),
                    "the claims' payments add up to BPR02");
            assertEquals(CLAIMS, count(c, """
                    select count(*) from outbox_event o join claim k on o.aggregate_id = k.id::text
                    where k.practice_id = ? and o.event_type = 'ClaimAdjudicated'""", seeded), "one ClaimAdjudicated per claim");
            return count(c, "select count(*) from claim_line l join claim k on k.id = l.claim_id where k.practice_id = ?", seeded);
        }
    }

    private static int count(Connection c, String sql, Seeded seeded) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, seeded.practiceId());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static BigDecimal money(Connection c, String sql, Seeded seeded) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, seeded.practiceId());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBigDecimal(1);
            }
        }
    }
}
