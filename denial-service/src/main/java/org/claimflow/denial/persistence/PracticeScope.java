package org.claimflow.denial.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonString;

/**
 * Which practice's rows a database connection may see and write (issue #8; the row-level security policies of
 * migration V7 read the setting {@value #SETTING}). Every connection the pool hands out gets it set, so a value one
 * caller left on a pooled connection never reaches the next: with JTA that is once per transaction, because the
 * connection enlisted in a transaction is reused inside it.
 * <p>
 * The practice is, in this order: the one a {@link #run}/{@link #call} (an event's practice) or
 * {@link #acrossPractices} scope on this thread names; else the practice of the verified bearer token of the
 * current request; else none ({@code ''}), which sees and writes nothing. A scope must wrap the whole transactional
 * call: the transaction's connection is taken, and its practice fixed, at its first statement.
 * <p>
 * {@code *} (every practice) is only for named background work that is cross-practice by nature: the outbox relay,
 * the nightly priority refresh, the metrics gauges. REST code never asks for it (ArchitectureTest).
 */
@ApplicationScoped
public class PracticeScope implements AgroalPoolInterceptor {

    /** The PostgreSQL setting the policies compare {@code practice_id} with. */
    public static final String SETTING = "claimflow.practice";
    /** The setting's value for work across every practice. */
    static final String ALL = "*";
    /** No practice: the policies admit no row. */
    static final String NONE = "";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private final Instance<JsonWebToken> token;

    public PracticeScope(Instance<JsonWebToken> token) {
        this.token = token;
    }

    /** Runs {@code work} (which begins its own transaction) as {@code practice}, e.g. the practice of a consumed event. */
    public static void run(String practice, Runnable work) {
        call(practice, () -> {
            work.run();
            return null;
        });
    }

    /** {@link #run} with a result. */
    public static <T> T call(String practice, Supplier<T> work) {
        if (practice == null || practice.isBlank() || ALL.equals(practice)) {
            // An event or caller never widens its own reach: only acrossPractices may name every practice.
            throw new IllegalArgumentException("not a practice id: " + (practice == null ? "null" : "'" + practice + "'"));
        }
        return within(practice, work);
    }

    /** Runs {@code work} over every practice's rows: only for background work that is cross-practice by nature. */
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
        String practice = practice();
        try (PreparedStatement set = connection.prepareStatement("select set_config('" + SETTING + "', ?, false)")) {
            set.setString(1, practice);
            set.execute();
        } catch (SQLException e) {
            // Never hand out a connection that may still carry another caller's practice: the pool takes it back.
            throw new IllegalStateException("could not set the practice of a database connection (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }

    /** The practice the connection being handed out acts for on this thread now. */
    String practice() {
        String scoped = CURRENT.get();
        return scoped != null ? scoped : tokenPractice();
    }

    /** The verified token's practice claim, or none: no active request, no token, no claim, or a claim of {@code *}. */
    private String tokenPractice() {
        try {
            ArcContainer container = Arc.container();
            if (container == null || !container.requestContext().isActive()) {
                return NONE;
            }
            Object claim = token.get().getClaim("practice");
            String practice = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
            if (practice == null || practice.isBlank() || ALL.equals(practice)) {
                return NONE;
            }
            return practice;
        } catch (RuntimeException e) {
            // No identity, an unauthenticated or failed request, an identity not resolvable on this thread: no practice.
            return NONE;
        }
    }
}
