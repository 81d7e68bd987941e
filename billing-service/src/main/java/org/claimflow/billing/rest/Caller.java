package org.claimflow.billing.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

/**
 * Who calls, from the verified bearer token: the user ({@code upn}, else {@code sub}) and the practice
 * ({@code practice}). Nothing here is taken from a header or body a client could set freely.
 */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The longest user name the history columns hold; a longer one may not act rather than be cut. */
    static final int MAX_USER = 64;

    /** The user who acts, recorded in histories and notes. */
    public String user() {
        String upn = text(token.getClaim("upn"));
        String user = upn != null && !upn.isBlank() ? upn : token.getSubject();
        if (user == null || user.isBlank() || user.length() > MAX_USER) {
            throw new ForbiddenException();
        }
        return user;
    }

    /** The caller's practice; a token without one may not act at all. */
    public String practice() {
        String value = text(token.getClaim("practice"));
        if (value == null || value.isBlank()) {
            throw new ForbiddenException();
        }
        return value;
    }

    /**
     * The caller's practice, checking the deprecated {@code practiceId} a client may still send in a body or query:
     * absent or the same is fine, another practice is refused (403, naming nothing).
     */
    public String practice(String requested) {
        String own = practice();
        if (requested != null && !requested.isEmpty() && !requested.equals(own)) {
            throw new ForbiddenException();
        }
        return own;
    }

    /** A claim's text, whether the token library hands it over as a string or as a JSON string. */
    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim == null ? null : claim.toString();
    }

    /** Whether an object of {@code objectPractice} is the caller's: if not, it is answered as if it did not exist. */
    public boolean owns(String objectPractice) {
        return practice().equals(objectPractice);
    }
}
