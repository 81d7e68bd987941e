package org.claimflow.sandbox.x12;

import java.util.List;

/**
 * One segment as read: its tag, its elements (each a list of components; a simple element has one) and
 * its position in the transaction set (ST is 1), as a 999 reports it. Only the first repetition of a
 * repeated element is kept.
 */
public record Segment(String tag, List<List<String>> elements, int position) {

    public Segment {
        elements = elements.stream().map(List::copyOf).toList();
    }

    /** Element {@code n} (1-based); for a composite its first component. Empty string when absent. */
    public String element(int n) {
        return component(n, 1);
    }

    /** Component {@code c} (1-based) of element {@code n}. Empty string when absent. */
    public String component(int n, int c) {
        if (n < 1 || n > elements.size()) {
            return "";
        }
        List<String> components = elements.get(n - 1);
        return c >= 1 && c <= components.size() ? components.get(c - 1) : "";
    }

    public List<String> components(int n) {
        return n >= 1 && n <= elements.size() ? elements.get(n - 1) : List.of();
    }

    public boolean is(String tag, String qualifier) {
        return this.tag.equals(tag) && element(1).equals(qualifier);
    }
}
