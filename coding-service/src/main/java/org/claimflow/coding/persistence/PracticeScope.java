package org.claimflow.coding.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;

/**
 * The practice a database connection acts for (issue #8). Row-level security admits a row of a practice table only
 * when its {@code practice_id} equals the session's {@code claimflow.practice} setting (or the setting is {@code *});
 * this pool interceptor sets it every time a connection leaves the pool, so a value set for one caller never reaches
 * the next. With JTA that is once per transaction: the connection enlisted in it is reused until the commit.
 * <p>
 * Where the practice comes from, first match wins:
 * <ol>
 * <li>the scope of the current thread: {@link #run}/{@link #call} (a consumer, from the event's {@code practiceId}) or
 * {@link #acrossPractices} (named background work that is cross-practice by nature: the outbox relay, the outbox
 * gauges). Wrap the whole transactional call: the transaction must begin inside the scope;</li>
 * <li>the verified bearer token of the current request (claim {@code practice});</li>
 * <li>nothing: the empty practice, which sees no practice row at all.</li>
 * </ol>
 */
@ApplicationScoped
public class PracticeScope implements AgroalPoolInterceptor {

    /** The setting the policies of V7 read. */
    public static final String SETTING = "claimflow.practice";
    /** Every practice: only for {@link #acrossPractices}. */
    static final String ALL = "*";
    private static final String NONE = "";
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private final JsonWebToken token;

    public PracticeScope(JsonWebToken token) {
        this.token = token;
    }

    /** Runs {@code work} (which begins its own transaction) for one practice. */
    public static void run(String practice, Runnable work) {
        call(practice, () -> {
            work.run();
            return null;
        });
    }

    /** Calls {@code work} (which begins its own transaction) for one practice. */
    public static <T> T call(String practice, Supplier<T> work) {
        if (practice == null || practice.isBlank() || ALL.equals(practice)) {
            // An event without a practice (or one claiming all of them) is a poison record, never cross-practice work.
            throw new IllegalArgumentException("no single practice to act for");
        }
        return within(practice, work);
    }

    /** Runs named cross-practice background work (never a request's: LayeringTest keeps it out of rest). */
    public static void acrossPractices(Runnable work) {
        within(ALL, () -> {
            work.run();
            return null;
        });
    }

    /** Calls named cross-practice background work (never a request's: LayeringTest keeps it out of rest). */
    public static <T> T acrossPractices(Supplier<T> work) {
        return within(ALL, work);
    }

    private static <T> T within(String practice, Supplier<T> work) {
        String previous = CURRENT.get();
        CURRENT.set(practice);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement("select set_config('" + SETTING + "', ?, false)")) {
            ps.setString(1, practice());
            ps.execute();
        } catch (SQLException e) {
            // Fail closed: a connection whose practice could not be set may still carry its previous user's.
            throw new IllegalStateException("could not set the practice of a database connection", e);
        }
    }

    /** The practice of this thread's work; never throws (no token, no practice). */
    String practice() {
        String scoped = CURRENT.get();
        if (scoped != null) {
            return scoped;
        }
        try {
            if (Arc.container().requestContext().isActive()) {
                Object claim = token.getClaim("practice");
                String practice = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
                // A token naming "*" is no key to every practice: only named background work acts across them.
                if (practice != null && !practice.isBlank() && !ALL.equals(practice)) {
                    return practice;
                }
            }
        } catch (RuntimeException noVerifiedToken) {
            // Not authenticated (or not yet): no practice.
        }
        return NONE;
    }
}
