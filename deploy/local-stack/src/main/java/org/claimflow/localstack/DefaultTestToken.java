package org.claimflow.localstack;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Makes every RestAssured request of a service's tests carry a bearer token of the demo practice with every role,
 * renewed before it expires (tokens are short-lived and a module's tests run longer than one lives). A request that
 * sets its own {@code Authorization} header keeps it: that is how a test acts as another user, practice or role.
 * Loaded only by tests (RestAssured is a test dependency of the services, {@code provided} here).
 */
public final class DefaultTestToken implements Filter {

    /** The user the default token names. */
    public static final String USER = "test-user";

    /** The practice the default token names: the demo practice unless a test works in a practice of its own. */
    private static volatile String practice = Tokens.DEMO_PRACTICE;

    private final Tokens tokens;
    /** One renewing token per practice: signing per request cost CPU the timing-sensitive tests noticed. */
    private final java.util.Map<String, java.util.function.Supplier<String>> byPractice = new java.util.concurrent.ConcurrentHashMap<>();

    private DefaultTestToken(Tokens tokens) {
        this.tokens = tokens;
    }

    /** Installs the filter for this test JVM's key pair ({@link Tokens#forThisJvm()}). */
    public static void install() {
        install(Tokens.forThisJvm());
    }

    /** Installs the filter once per RestAssured class; later calls do nothing. */
    public static synchronized void install(Tokens tokens) {
        for (Filter f : RestAssured.filters()) {
            if (f instanceof DefaultTestToken) {
                return;
            }
        }
        RestAssured.filters(new DefaultTestToken(tokens));
    }

    /**
     * From now until the next test instance ({@link ClaimflowTestResource} resets it), the default token names
     * {@code practiceId}: for a test that keeps its rows apart in a practice of its own and reads them back.
     */
    public static void actIn(String practiceId) {
        practice = practiceId;
    }

    /** The practice the default token names now. */
    public static String practice() {
        return practice;
    }

    /** Back to the demo practice. */
    public static void reset() {
        practice = Tokens.DEMO_PRACTICE;
    }

    /** The header value a test sends to act as {@code user} of {@code practice} with {@code roles}. */
    public static String bearer(String practice, String user, String... roles) {
        return "Bearer " + Tokens.forThisJvm().mint(practice, user, java.util.List.of(roles));
    }

    /** The header value of a user of the demo practice with every role (what the default token says, another name). */
    public static String bearerFor(String user) {
        return bearer(Tokens.DEMO_PRACTICE, user, Tokens.ROLES.toArray(String[]::new));
    }

    /** The header value of {@code user} of {@code practice} with every role. */
    public static String bearerIn(String practice, String user) {
        return bearer(practice, user, Tokens.ROLES.toArray(String[]::new));
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", byPractice.computeIfAbsent(practice, p -> tokens.bearer(p, USER, Tokens.ROLES)).get());
        }
        return ctx.next(request, response);
    }
}
