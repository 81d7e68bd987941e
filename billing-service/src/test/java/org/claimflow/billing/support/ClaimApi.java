package org.claimflow.billing.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;

/** Reads claims through the API, and checks that their money reconciles to the cent. */
public final class ClaimApi {

    private ClaimApi() {
    }

    /** Waits for the claim of an encounter and returns its id. */
    public static String awaitClaimOf(String encounterId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> ids = given().queryParam("encounterId", encounterId).get("/api/v1/claims").then().statusCode(200)
                    .extract().jsonPath().getList("items.id");
            return ids.isEmpty() ? null : ids.get(0);
        }, id -> id != null);
    }

    public static JsonPath claim(String id) {
        return given().get("/api/v1/claims/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath awaitStatus(String id, String status, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(300))
                .until(() -> status.equals(claim(id).getString("status")));
        return claim(id);
    }

    /** charged = paid + adjusted + patientResponsibility + outstanding, and the lines' adjustments add up. */
    public static void assertReconciles(JsonPath claim) {
        BigDecimal charged = money(claim.getString("amounts.charged"));
        BigDecimal paid = money(claim.getString("amounts.paid"));
        BigDecimal adjusted = money(claim.getString("amounts.adjusted"));
        BigDecimal patient = money(claim.getString("amounts.patientResponsibility"));
        BigDecimal outstanding = money(claim.getString("amounts.outstanding"));
        assertSameMoney(charged, paid.add(adjusted).add(patient).add(outstanding), "charged = paid + adjusted + patient + outstanding");
        BigDecimal lineCharges = claim.getList("lines", Map.class).stream().map(l -> money((String) l.get("chargeAmount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertSameMoney(charged, lineCharges, "the claim's charge is the sum of its lines");
        BigDecimal adjustmentsPosted = claim.getList("lines", Map.class).stream()
                .flatMap(l -> ((List<Map<String, Object>>) l.get("adjustments")).stream())
                .map(a -> money((String) a.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(claim.getList("claimAdjustments", Map.class).stream().map(a -> money((String) a.get("amount")))
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertSameMoney(adjusted.add(patient), adjustmentsPosted, "adjusted + patient responsibility = the adjustments posted");
    }

    /** Reads every claim in the database, in whatever status, and checks that each reconciles; returns how many. */
    public static int assertEveryClaimReconciles() {
        int checked = 0;
        for (int page = 0; ; page++) {
            List<String> ids = given().queryParam("page", page).queryParam("size", 200).get("/api/v1/claims").then().statusCode(200)
                    .extract().jsonPath().getList("items.id");
            ids.forEach(id -> assertReconciles(claim(id)));
            checked += ids.size();
            if (ids.size() < 200) {
                return checked;
            }
        }
    }

    private static void assertSameMoney(BigDecimal expected, BigDecimal actual, String what) {
        assertEquals(expected.setScale(2), actual.setScale(2), what);
    }

    public static BigDecimal money(String amount) {
        BigDecimal value = new BigDecimal(amount);
        assertEquals(2, value.scale(), "money has two decimal places: " + amount);
        return value;
    }
}
