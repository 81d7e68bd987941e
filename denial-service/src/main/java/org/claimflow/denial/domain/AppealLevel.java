package org.claimflow.denial.domain;

/** The first level of appeal a payer offers: Medicare's redetermination, or a commercial payer's first-level appeal. */
public enum AppealLevel {
    REDETERMINATION,
    FIRST_LEVEL;

    public static AppealLevel firstFor(PayerKind kind) {
        return kind == PayerKind.MEDICARE ? REDETERMINATION : FIRST_LEVEL;
    }
}
