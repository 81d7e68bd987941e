package org.claimflow.denial.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which status may follow which: OPEN → IN_PROGRESS → APPEALED → WON or LOST; an open or in-progress
 * denial may instead be corrected or written off. Closed statuses (CORRECTED, WRITTEN_OFF, WON, LOST) are final.
 */
public final class DenialStatusPolicy {

    private static final Map<DenialStatus, Set<DenialStatus>> NEXT = Map.of(
            DenialStatus.OPEN, EnumSet.of(DenialStatus.IN_PROGRESS, DenialStatus.CORRECTED, DenialStatus.WRITTEN_OFF),
            DenialStatus.IN_PROGRESS, EnumSet.of(DenialStatus.APPEALED, DenialStatus.CORRECTED, DenialStatus.WRITTEN_OFF),
            DenialStatus.APPEALED, EnumSet.of(DenialStatus.WON, DenialStatus.LOST),
            DenialStatus.CORRECTED, EnumSet.noneOf(DenialStatus.class),
            DenialStatus.WRITTEN_OFF, EnumSet.noneOf(DenialStatus.class),
            DenialStatus.WON, EnumSet.noneOf(DenialStatus.class),
            DenialStatus.LOST, EnumSet.noneOf(DenialStatus.class));

    private DenialStatusPolicy() {
    }

    public static boolean allows(DenialStatus from, DenialStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** @throws InvalidTransitionException when {@code to} may not follow {@code from} */
    public static void check(DenialStatus from, DenialStatus to) {
        if (!allows(from, to)) {
            throw new InvalidTransitionException("A denial " + from + " cannot become " + to + ".");
        }
    }
}
