package org.claimflow.denial.support;

import org.claimflow.localstack.DefaultTestToken;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import org.claimflow.localstack.KafkaTestClient;
import java.time.Duration;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Puts denials into the service the real way (a ClaimAdjudicated event on Kafka) and works them over HTTP. */
public final class RoutedDenials {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private RoutedDenials() {
    }

    /** Publishes the remittance and returns the id of its one denial once it is routed. */
    public static String route(ClaimAdjudicatedFixture event) {
        KafkaTestClient.send("claims.claim-adjudicated.v1", event.claimId(), event.json());
        // Read as the event's practice: the denial is that practice's, whichever practice the test acts in.
        String practice = DefaultTestToken.bearerIn(event.practiceId(), "router");
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", practice).queryParam("claimId", event.claimId())
                .get("/api/v1/denials").then().statusCode(200).body("total", equalTo(1)));
        return given().header("Authorization", practice).queryParam("claimId", event.claimId()).get("/api/v1/denials").then()
                .extract().path("items[0].id");
    }

    public static ValidatableResponse post(String path, String user, Map<String, ?> body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (user != null) {
            // A denial specialist of the practice the test acts in, named by the token (the X-User header is gone).
            request.header("Authorization", DefaultTestToken.bearer(DefaultTestToken.practice(), user, "denial-specialist"));
        }
        return request.post(path).then();
    }

    public static ValidatableResponse status(String denialId, String status, String reason) {
        return post("/api/v1/denials/" + denialId + "/status", "ana", reason == null ? Map.of("status", status)
                : Map.of("status", status, "reason", reason));
    }
}
