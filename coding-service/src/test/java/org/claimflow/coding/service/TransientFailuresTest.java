package org.claimflow.coding.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @ParameterizedTest(name = "SQLSTATE {0} → transient {1}")
    @CsvSource({
            "08001, true",   // connection refused: the database is restarting
            "08006, true",   // connection failure mid-transaction
            "57P01, true",   // admin shutdown
            "57P03, true",   // cannot connect now (starting up)
            "40001, true",   // serialization failure
            "40P01, true",   // deadlock
            "53300, true",   // too many connections
            "55P03, true",   // lock not available
            "23505, false",  // unique violation: a fact, retrying changes nothing
            "23503, false",  // foreign key violation
            "22001, false",  // value too long
            "42P01, false",  // undefined table: a bug
    })
    void classifiesDatabaseFailuresBySqlState(String state, boolean expected) {
        RuntimeException wrapped = new RuntimeException("commit failed", new SQLException("failed", state));
        assertEquals(expected, TransientFailures.isTransient(wrapped));
    }

    @Test
    void aFailureWithoutADatabaseCauseIsNotTransient() {
        assertFalse(TransientFailures.isTransient(new IllegalStateException("bug")));
        assertFalse(TransientFailures.isTransient(new SQLException("no state")));
    }

    @Test
    void retriesATransientFailureUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = TransientFailures.retrying("test", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new RuntimeException(new SQLException("database restarting", "57P03"));
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(3, calls.get());
    }

    @Test
    void rethrowsAnythingElseAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        RuntimeException poison = new IllegalArgumentException("never processable");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> TransientFailures.retrying("test", () -> {
            calls.incrementAndGet();
            throw poison;
        }));
        assertSame(poison, thrown);
        assertEquals(1, calls.get());
        assertTrue(thrown.getMessage().contains("never"));
    }
}
