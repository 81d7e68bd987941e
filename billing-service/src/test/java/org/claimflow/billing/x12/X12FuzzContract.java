package org.claimflow.billing.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.List;

/**
 * What every reader fuzz test asserts besides "no other exception escapes": a refusal is an
 * {@link X12ParseException} with a message and a sane position that does not hide a bug of ours, and what is
 * read holds the invariants the services rely on.
 */
final class X12FuzzContract {

    private X12FuzzContract() {
    }

    /**
     * The readers turn an unexpected runtime failure into an {@link X12ParseException} so callers only see the
     * declared exception. That safety net is for StAEDI's surprises; a runtime exception thrown by our own code
     * (a NullPointerException, an IndexOutOfBounds...) is a bug the net would otherwise hide from the fuzzer.
     */
    static void assertRefusal(X12ParseException e) {
        String message = e.getMessage();
        assertTrue(message != null && !message.isBlank(), "a refusal says why");
        assertTrue(e.segmentPosition() == -1 || e.segmentPosition() >= 1,
                "segment position is 1-based or -1, was " + e.segmentPosition() + ": " + message);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RuntimeException || cause instanceof Error) {
                StackTraceElement origin = firstFrameOutsideTheJdk(cause);
                if (origin != null && origin.getClassName().startsWith("org.claimflow.")) {
                    fail("a bug of ours was turned into a refusal (" + message + ")", cause);
                }
            }
        }
    }

    private static StackTraceElement firstFrameOutsideTheJdk(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String c = frame.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                return frame;
            }
        }
        return null;
    }

    static void assertWarnings(X12Result<?> result) {
        assertNotNull(result.documents());
        result.warnings().forEach(w -> assertTrue(w != null && !w.isBlank(), "a warning says something"));
    }

    /** X12 R type: digits with an optional point and minus sign, never an exponent; read exactly. */
    static void assertExactAmount(BigDecimal amount, String what) {
        assertNotNull(amount, what + " is required");
        assertTrue(amount.scale() >= 0, what + " has no exponent: " + amount);
        assertEquals(amount, new BigDecimal(amount.toPlainString()), what + " reads back exactly");
    }

    static void assertOptionalAmount(BigDecimal amount, String what) {
        if (amount != null) {
            assertExactAmount(amount, what);
        }
    }

    static void assertRequired(String value, String what) {
        assertTrue(value != null && !value.isEmpty(), what + " is required");
    }

    static void assertNoBlanks(List<String> codes, String what) {
        codes.forEach(code -> assertFalse(code == null || code.isEmpty(), what + " holds no blank code"));
    }

    static void assertPosition(int segmentPosition, String what) {
        assertTrue(segmentPosition >= 1, what + " has a 1-based segment position, was " + segmentPosition);
    }
}
