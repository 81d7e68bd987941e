package org.claimflow.localstack;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * What every service's security tests check, in one place (test infrastructure, loaded only by the services' tests):
 * the role × endpoint matrix, read from the service's own JAX-RS resources so that a new endpoint is in it the moment it
 * exists, and the ways a request without a valid token must fail. Each method returns the violations it found (empty
 * when all is well), so a test asserts one list and its message says everything that is wrong.
 */
public final class AuthChecks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** One JAX-RS resource method: verb, path template, the roles its {@code @RolesAllowed} admits, what it consumes. */
    public record Endpoint(String method, String path, Set<String> roles, String consumes) {

        /** The path with every template parameter replaced by an id nobody has. */
        public String samplePath() {
            return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private AuthChecks() {
    }

    /** Every resource method of the classes annotated with {@code @Path} in {@code restPackage}. */
    public static List<Endpoint> endpoints(String restPackage) {
        List<Endpoint> out = new ArrayList<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(restPackage)) {
            Optional<String> base = value(resource.tryGetAnnotationOfType("jakarta.ws.rs.Path"));
            if (base.isEmpty()) {
                continue;
            }
            for (JavaMethod method : resource.getMethods()) {
                Optional<String> verb = HTTP_METHODS.stream().filter(v -> method.isAnnotatedWith("jakarta.ws.rs." + v)).findFirst();
                if (verb.isEmpty()) {
                    continue;
                }
                String path = join(base.get(), value(method.tryGetAnnotationOfType("jakarta.ws.rs.Path")).orElse(""));
                List<String> methodRoles = values(method.tryGetAnnotationOfType("jakarta.annotation.security.RolesAllowed"));
                Set<String> roles = new TreeSet<>(methodRoles.isEmpty()
                        ? values(resource.tryGetAnnotationOfType("jakarta.annotation.security.RolesAllowed")) : methodRoles);
                List<String> methodConsumes = values(method.tryGetAnnotationOfType("jakarta.ws.rs.Consumes"));
                String consumes = (methodConsumes.isEmpty() ? values(resource.tryGetAnnotationOfType("jakarta.ws.rs.Consumes"))
                        : methodConsumes).stream().findFirst().orElse(null);
                out.add(new Endpoint(verb.get(), path, roles, consumes));
            }
        }
        return out;
    }

    /**
     * Calls every endpoint as each role alone (a token of the demo practice with that one role): a role the endpoint
     * names must get past the door (any answer but 401 and 403: usually 400 for the empty body or 404 for the made-up
     * id), every other role must get 403 with the forbidden problem. Also: every endpoint names its roles and admits
     * admin.
     */
    public static List<String> roleMatrixViolations(List<Endpoint> endpoints) {
        List<String> violations = new ArrayList<>();
        for (Endpoint e : endpoints) {
            if (e.roles().isEmpty()) {
                violations.add(e + ": no @RolesAllowed (denied to everyone by default; say who may call it)");
                continue;
            }
            if (!e.roles().contains("admin")) {
                violations.add(e + ": admin may not call it");
            }
            for (String role : Tokens.ROLES) {
                Response response = call(e, "Bearer " + Tokens.forThisJvm().mint(Tokens.DEMO_PRACTICE, "matrix-" + role, List.of(role)));
                int status = response.statusCode();
                if (e.roles().contains(role)) {
                    if (status == 401 || status == 403) {
                        violations.add(e + " as " + role + ": allowed, but answered " + status);
                    }
                } else if (status != 403) {
                    violations.add(e + " as " + role + ": not allowed, but answered " + status);
                } else if (!"/problems/forbidden".equals(response.jsonPath().getString("type"))) {
                    violations.add(e + " as " + role + ": 403 without the forbidden problem: " + response.asString());
                }
            }
        }
        return violations;
    }

    /** Sends the endpoint an empty body of its media type (or none) with {@code authorization}. */
    public static Response call(Endpoint e, String authorization) {
        var request = given().header("Authorization", authorization);
        if (!e.method().equals("GET") && !e.method().equals("DELETE")) {
            String type = e.consumes() == null ? "application/json" : e.consumes();
            // Bytes, so RestAssured sends the body under any media type (application/edi-x12 has no encoder of its own).
            request.contentType(type).body((type.contains("json") ? "{}" : "").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return request.request(e.method(), e.samplePath());
    }

    /**
     * Every {@code /api/} operation of the service's OpenAPI document is one of {@code endpoints} and needs the bearer
     * scheme; the document declares that scheme.
     */
    public static List<String> openApiViolations(List<Endpoint> endpoints) {
        List<String> violations = new ArrayList<>();
        JsonNode doc;
        try {
            doc = JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            return List.of("the OpenAPI document is not JSON");
        }
        if (doc.path("components").path("securitySchemes").path("bearer").isMissingNode()) {
            violations.add("the OpenAPI document declares no bearer security scheme");
        }
        Set<String> known = new TreeSet<>();
        endpoints.forEach(e -> known.add(e.method() + " " + e.path()));
        boolean globalSecurity = doc.path("security").size() > 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String verb = op.getKey().toUpperCase();
                if (!HTTP_METHODS.contains(verb)) {
                    continue;
                }
                String name = verb + " " + path.getKey();
                if (!known.contains(name)) {
                    violations.add(name + " is documented but not a resource method of the package");
                }
                if (!globalSecurity && op.getValue().path("security").size() == 0) {
                    violations.add(name + " is documented without the bearer security requirement");
                }
            }
        }
        return violations;
    }

    /**
     * A request to {@code path} (GET) without a token, with an expired one, one of another issuer, one signed with
     * another key and one with {@code alg=none} is answered 401 with the unauthorized problem, every time.
     */
    public static List<String> unauthenticatedViolations(String path) {
        Tokens ours = Tokens.forThisJvm();
        Instant now = Instant.now();
        List<String> roles = Tokens.ROLES;
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("no token", null);
        cases.put("expired a minute ago",
                ours.sign(ours.claims(Tokens.DEMO_PRACTICE, "late", roles, now.minusSeconds(960), now.minusSeconds(60))));
        Map<String, Object> otherIssuer = ours.claims(Tokens.DEMO_PRACTICE, "elsewhere", roles, now, now.plusSeconds(600));
        otherIssuer.put("iss", "https://idp.example.invalid/other");
        cases.put("another issuer", ours.sign(otherIssuer));
        cases.put("signed with another key", Tokens.generate(Tokens.ISSUER).mint(Tokens.DEMO_PRACTICE, "forger", roles));
        cases.put("alg=none", Tokens.unsigned(ours.claims(Tokens.DEMO_PRACTICE, "nobody", roles, now, now.plusSeconds(600))));
        cases.put("not a JWT", "not-a-token");
        List<String> violations = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).GET();
            if (c.getValue() != null) {
                request.header("Authorization", "Bearer " + c.getValue());
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (response.statusCode() != 401) {
                    violations.add(c.getKey() + ": answered " + response.statusCode() + " " + response.body());
                } else if (!type.startsWith("application/problem+json")
                        || !"/problems/unauthorized".equals(JSON.readTree(response.body()).path("type").asText())) {
                    violations.add(c.getKey() + ": 401 without the unauthorized problem (" + type + "): " + response.body());
                }
            } catch (IOException e) {
                violations.add(c.getKey() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return violations;
    }

    /** Where RestAssured sends requests (Quarkus sets it for the test). */
    private static String baseUrl() {
        String base = RestAssured.baseURI;
        String basePath = RestAssured.basePath == null ? "" : RestAssured.basePath;
        return base + ":" + RestAssured.port + (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath);
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Optional<String> value(Optional<? extends JavaAnnotation<?>> annotation) {
        return annotation.flatMap(a -> a.get("value")).map(Object::toString);
    }

    private static List<String> values(Optional<? extends JavaAnnotation<?>> annotation) {
        return annotation.flatMap(a -> a.get("value")).map(v -> v instanceof Object[] array
                ? Arrays.stream(array).map(Object::toString).toList() : List.of(v.toString())).orElse(List.of());
    }
}
