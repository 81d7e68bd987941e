package org.claimflow.eligibility.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * One segment as read: elements (1-based) of repetitions of components. Read without a transaction
 * schema, so a component or repetition separator inside any element is kept as found.
 *
 * @param position position in the interchange, ISA = 1
 */
record X12Segment(String tag, int position, List<List<List<String>>> elements) {

    /** The element's first component of its first repetition, null when absent or empty. */
    String element(int position) {
        return component(position, 1);
    }

    String component(int position, int component) {
        if (position < 1 || position > elements.size()) {
            return null;
        }
        List<List<String>> repetitions = elements.get(position - 1);
        if (repetitions.isEmpty()) {
            return null;
        }
        List<String> components = repetitions.get(0);
        if (component < 1 || component > components.size()) {
            return null;
        }
        String value = components.get(component - 1);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Every non-empty value of the element: all repetitions, all components. */
    List<String> values(int position) {
        List<String> values = new ArrayList<>();
        if (position < 1 || position > elements.size()) {
            return values;
        }
        for (List<String> repetition : elements.get(position - 1)) {
            for (String value : repetition) {
                if (value != null && !value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
