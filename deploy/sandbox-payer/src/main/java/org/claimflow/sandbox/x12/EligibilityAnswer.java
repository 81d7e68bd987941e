package org.claimflow.sandbox.x12;

import org.claimflow.sandbox.eligibility.EligibilityOutcome;
import org.claimflow.sandbox.seed.Member;

/** The answer for one subscriber; {@code member} is null when the outcome is UNKNOWN_MEMBER. */
public record EligibilityAnswer(EligibilityOutcome outcome, Member member) {
}
