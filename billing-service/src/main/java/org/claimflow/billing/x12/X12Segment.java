package org.claimflow.billing.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

/**
 * One segment as read: its tag, its 1-based position in the file and its elements. Each element is a list
 * of repetitions, each repetition a list of components (a simple element has one component). Accessors
 * never fail on a missing element: they return an empty string, so a short segment reads as blanks.
 * {@link #toString()} shows the tag and position only, never the data.
 */
public record X12Segment(String tag, int position, List<List<List<String>>> elements) {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    public X12Segment {
        elements = elements.stream().map(e -> e.stream().map(List::copyOf).toList()).toList();
    }

    /** Number of elements present (trailing empty elements are usually absent). */
    public int elementCount() {
        return elements.size();
    }

    /** The first component of the first repetition of element {@code n} (1-based), or "" if absent. */
    public String element(int n) {
        return component(n, 1);
    }

    /** Component {@code c} (1-based) of the first repetition of element {@code n} (1-based), or "". */
    public String component(int n, int c) {
        List<String> components = components(n);
        return c >= 1 && c <= components.size() ? components.get(c - 1) : "";
    }

    /** The components of the first repetition of element {@code n}, empty if absent. */
    public List<String> components(int n) {
        List<List<String>> repetitions = repetitions(n);
        return repetitions.isEmpty() ? List.of() : repetitions.get(0);
    }

    /** All repetitions of element {@code n}, empty if absent. */
    public List<List<String>> repetitions(int n) {
        return n >= 1 && n <= elements.size() ? elements.get(n - 1) : List.of();
    }

    /**
     * Whether element {@code n} holds anything in any component: for composites (PLB03 reason:reference). A
     * simple element is there when {@code element(n)} is not empty; a stray component separator (":X") makes
     * {@code has} true while the first component, the code, stays empty.
     */
    public boolean has(int n) {
        return !element(n).isEmpty() || components(n).size() > 1;
    }

    /** Element {@code n} as an exact decimal, or null when it is empty. */
    public BigDecimal decimal(int n) throws X12ParseException {
        return decimal(element(n), n);
    }

    /** Component {@code c} of element {@code n} as an exact decimal, or null when it is empty. */
    public BigDecimal decimal(int n, int c) throws X12ParseException {
        return decimal(component(n, c), n);
    }

    /** Element {@code n} as an exact decimal; fails when it is empty. */
    public BigDecimal requiredDecimal(int n) throws X12ParseException {
        BigDecimal value = decimal(n);
        if (value == null) {
            throw new X12ParseException(describe(n) + " is required but empty", position);
        }
        return value;
    }

    /** Component {@code c} of element {@code n} as a whole number, or null when empty. */
    public Integer integer(int n, int c) throws X12ParseException {
        String text = component(n, c);
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{1,9}")) {
            throw new X12ParseException(describe(n) + " is not a whole number", position);
        }
        return Integer.valueOf(text);
    }

    /** Element {@code n} as a CCYYMMDD date, or null when empty. Fails on anything else. */
    public LocalDate date(int n) throws X12ParseException {
        String text = element(n);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text, CCYYMMDD);
        } catch (DateTimeParseException e) {
            throw new X12ParseException(describe(n) + " is not a CCYYMMDD date", position);
        }
    }

    /** "CLP (segment 17) element 03": how messages name an element without showing its value. */
    public String describe(int n) {
        return "%s (segment %d) element %02d".formatted(tag, position, n);
    }

    private BigDecimal decimal(String text, int n) throws X12ParseException {
        if (text.isEmpty()) {
            return null;
        }
        // X12 R type: optional minus sign, digits with at most one decimal point; no exponent, no plus sign.
        if (!text.matches("-?(\\d+\\.?\\d*|\\.\\d+)")) {
            throw new X12ParseException(describe(n) + " is not a decimal number", position);
        }
        return new BigDecimal(text);
    }

    @Override
    public String toString() {
        return "X12Segment[" + tag + " at " + position + "]";
    }
}
