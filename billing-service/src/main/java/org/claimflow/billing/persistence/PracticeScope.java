package org.claimflow.billing.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;

/**
 * Names the practice a database connection acts for (issue #8): PostgreSQL's row-level security admits only the rows
 * whose {@code practice_id} equals the setting {@code claimflow.practice}, or every row when it is {@code *}.
 * <p>
 * Agroal calls {@link #onConnectionAcquire} whenever a connection leaves the pool (with JTA: once per transaction,
 * which keeps its connection). The practice is, in this order: the one a {@link #run}/{@link #call} around the work
 * names (a consumer: the event's; a cross-practice job: {@code *}); else the verified token's {@code practice} claim of
 * the request being served; else none ({@code ''}), which sees and writes nothing. It is set on every acquire, so a
 * pooled connection never carries one caller's practice to the next.
 * <p>
 * A scope must be open before the transaction begins: wrap the whole transactional call, not a part of it.
 */
@ApplicationScoped
public class PracticeScope implements AgroalPoolInterceptor {

    /** The PostgreSQL setting the policies read. */
    public static final String SETTING = "claimflow.practice";
    /** Every practice: only for work that is cross-practice by nature (see {@link #acrossPractices(Runnable)}). */
    static final String ALL = "*";
    private static final String NONE = "";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** Runs {@code work} (and the transactions it begins) for {@code practice}. */
    public static void run(String practice, Runnable work) {
        call(practice, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} (and the transactions it begins) for {@code practice}, and returns its result. */
    public static <T> T call(String practice, Supplier<T> work) {
        Objects.requireNonNull(practice, "practice");
        if (practice.isBlank() || ALL.equals(practice)) {
            // An event or caller naming "*" must not get every practice's rows.
            throw new IllegalArgumentException("not a practice");
        }
        return within(practice, work);
    }

    /**
     * Runs {@code work} for every practice at once. Only for named background work that is cross-practice by nature:
     * the outbox relay, the submission job, the inbound poller (clearinghouse files pay claims of many practices), the
     * metrics gauges. Never for a request (ArchitectureTest).
     */
    public static void acrossPractices(Runnable work) {
        within(ALL, () -> {
            work.run();
            return null;
        });
    }

    /** {@link #acrossPractices(Runnable)} with a result. */
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
            // A connection whose practice could not be set must not be used with the previous user's.
            throw new IllegalStateException("could not set the practice on a database connection", e);
        }
    }

    /** The practice the current thread acts for now; {@code ''} for none. */
    static String practice() {
        String scoped = CURRENT.get();
        if (scoped != null) {
            return scoped;
        }
        String fromToken = tokenPractice();
        return fromToken == null || fromToken.isBlank() || ALL.equals(fromToken) ? NONE : fromToken;
    }

    /** The {@code practice} claim of the verified token of the request being served, if any. Never throws. */
    private static String tokenPractice() {
        try {
            ArcContainer container = Arc.container();
            if (container == null || !container.requestContext().isActive()) {
                return null;
            }
            JsonWebToken token = container.instance(JsonWebToken.class).get();
            Object claim = token == null ? null : token.getClaim("practice");
            return claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        } catch (RuntimeException e) {
            // No identity (or none that can be resolved here): no practice, which sees nothing.
            return null;
        }
    }
}
